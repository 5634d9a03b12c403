// What the lease tests share: token sets named by the test, refreshes the test
// answers, a promise's outcome read without awaiting it, and the fake clock.
import { vi } from "vitest";
import { createTokenSource } from "../../src/token-source.js";
import type { LeasedTokenStore, TokenSet, TokenStore } from "../../src/index.js";

export const HOUR = 3600_000;
/** The token source refreshes this long before expiry (the login's default is a minute). */
export const REFRESH_BEFORE_MS = 60_000;

/** A token set named `name`, expiring in `inMs` (an hour; negative: expired). */
export function tokens(name: string, inMs = HOUR, refreshToken = `${name}-refresh`): TokenSet {
  return { accessToken: `${name}-access`, refreshToken, expiresAt: Date.now() + inMs };
}
export const expired = (name: string) => tokens(name, -1);

/** A refresh that waits for the test: each call is listed with its input and its answer. */
export function gatedRefresh() {
  const calls: {
    given: TokenSet;
    resolve: (tokens: TokenSet) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const refresh = (given: TokenSet) =>
    new Promise<TokenSet>((resolve, reject) => calls.push({ given, resolve, reject }));
  return { calls, refresh };
}

/** A refresh that answers at once, in turn from `answers` (the last one repeats). */
export function answeringRefresh(...answers: TokenSet[]) {
  const given: TokenSet[] = [];
  const refresh = (tokens: TokenSet) => {
    given.push(tokens);
    return Promise.resolve(answers[Math.min(given.length, answers.length) - 1]!);
  };
  return { given, refresh };
}

export function sourceOn(store: TokenStore, refresh: (tokens: TokenSet) => Promise<TokenSet>) {
  return createTokenSource({ store }, refresh, REFRESH_BEFORE_MS);
}

/** A promise's outcome so far, so that a test can look without waiting forever. */
export function outcome<T>(promise: Promise<T>) {
  const seen: { state: "pending" | "resolved" | "rejected"; value?: T; error?: unknown } = {
    state: "pending",
  };
  promise.then(
    (value) => Object.assign(seen, { state: "resolved", value }),
    (error: unknown) => Object.assign(seen, { state: "rejected", error }),
  );
  return seen;
}

/** Moves the fake clock on by `ms`, running every timer and promise due meanwhile. */
export const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

/** Who holds the store's lease now (`undefined` when free). */
export async function holderOf(store: LeasedTokenStore): Promise<string | undefined> {
  return (await store.lease.status("nobody")).holder;
}
