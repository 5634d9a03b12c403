// The token source as the client's `accessToken`: 1,000 concurrent payments
// with an expired token send exactly one refresh; a failed refresh reaches
// every waiting payment as a typed error.
import { ConnectError, createConnectClient } from "@connect-payment/client";
import type { Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  ConnectIdError,
  memoryTokenStore,
  type TokenSet,
  type TokenStore,
} from "../../src/index.js";
import {
  loginFor,
  rejectionOf,
  sandboxWith,
  signIn,
  sleep,
  validInvoice,
} from "../helpers/sandbox.js";

let shifted: Sandbox;
// The sandbox's clock runs `offset` ahead: moving it expires every token at once.
let offset = 0;
beforeAll(async () => {
  shifted = await sandboxWith({ clock: () => Date.now() + offset });
});
afterAll(() => shifted.close());

const HOURS_13 = 13 * 3600_000;

/**
 * A login whose token requests are counted, and tokens that have expired at
 * the sandbox (its clock moved past their 12 hours), as the store would hold
 * them then.
 */
async function expiredLogin() {
  const counted = { token: 0 };
  const login = loginFor(shifted, {
    fetch: (input, init) => {
      if (String(input).endsWith("/oauth/token")) counted.token++;
      return fetch(input, init);
    },
  });
  const { url, pending } = await login.startLogin();
  const tokens = await login.finishLogin(await signIn(url), pending);
  offset += HOURS_13;
  const unauthorized = await rejectionOf(
    createConnectClient({
      baseUrl: shifted.apiUrl,
      accessToken: tokens.accessToken,
      maxRetries: 0,
    }).payInvoice(validInvoice),
  );
  expect(unauthorized).toMatchObject({ code: "unauthorized" });
  counted.token = 0;
  return { login, tokens: { ...tokens, expiresAt: Date.now() - 1 }, counted };
}

it("300 concurrent payInvoice calls with an expired token send exactly one refresh, and all pay", async () => {
  const { login, tokens, counted } = await expiredLogin();
  const store = memoryTokenStore(tokens);
  const client = createConnectClient({
    baseUrl: shifted.apiUrl,
    accessToken: login.tokenSource({ store }),
    // Hundreds of calls at once on a loaded machine: the default 30 s per call is no margin.
    timeoutMs: 120_000,
  });
  const before = shifted.transactions().length;

  const results = await Promise.all(
    Array.from({ length: 300 }, () => client.payInvoice(validInvoice)),
  );

  expect(counted.token).toBe(1);
  expect(new Set(results.map((r) => r.transactionId)).size).toBe(300);
  expect(shifted.transactions().length - before).toBe(300);
  const stored = (await store.get()) as TokenSet;
  expect(stored.accessToken).not.toBe(tokens.accessToken);
  expect(stored.refreshToken).not.toBe(tokens.refreshToken);
}, 180_000);

it("a failed refresh reaches every waiting call as a typed error, and the next call tries again", async () => {
  const { login, tokens, counted } = await expiredLogin();
  // Spend the refresh token elsewhere: the sandbox rotates it, so the source's copy is dead.
  await login.refresh(tokens);
  counted.token = 0;
  const source = login.tokenSource({ store: memoryTokenStore(tokens) });

  const errors = await Promise.all(Array.from({ length: 1_000 }, () => rejectionOf(source())));
  expect(counted.token).toBe(1);
  for (const error of errors) {
    expect(error).toBeInstanceOf(ConnectIdError);
    expect((error as ConnectIdError).code).toBe("invalid_grant");
  }

  // Through the client, the same error is the cause of its ConnectError.
  const client = createConnectClient({ baseUrl: shifted.apiUrl, accessToken: source });
  const failed = (await rejectionOf(client.payInvoice(validInvoice))) as ConnectError;
  expect(failed).toBeInstanceOf(ConnectError);
  expect(failed.cause).toBeInstanceOf(ConnectIdError);
  expect((failed.cause as ConnectIdError).code).toBe("invalid_grant");
  expect(counted.token).toBe(2);
}, 120_000);

it("refreshes within refreshBeforeExpiryMs of expiry, not before, and saves the new tokens in a pluggable store", async () => {
  const login = loginFor(shifted, { refreshBeforeExpiryMs: 60_000 });
  const { url, pending } = await login.startLogin();
  const tokens = await login.finishLogin(await signIn(url), pending);
  let current = { ...tokens, expiresAt: Date.now() + 5 * 60_000 };
  const saved: TokenSet[] = [];
  // An asynchronous store, like a session or a database.
  const store: TokenStore = {
    get: async () => current,
    set: async (next) => {
      await sleep(5);
      saved.push(next);
      current = next;
    },
  };
  const source = login.tokenSource({ store });
  // Five minutes left, one minute of margin: still fresh.
  expect(await source()).toBe(tokens.accessToken);
  expect(saved).toHaveLength(0);
  // Thirty seconds left: within the margin, so refreshed before it expires.
  current = { ...current, expiresAt: Date.now() + 30_000 };
  const renewed = await source();
  expect(renewed).not.toBe(tokens.accessToken);
  expect(saved).toHaveLength(1);
  expect(saved[0]?.accessToken).toBe(renewed);
  expect(saved[0]?.expiresAt).toBeGreaterThan(Date.now() + 11 * 3600_000);
  const client = createConnectClient({
    baseUrl: shifted.apiUrl,
    accessToken: renewed,
    maxRetries: 0,
  });
  await expect(client.payInvoice(validInvoice)).resolves.toHaveProperty("transactionId");
});

it("login_required when the store is empty; invalid_input when the store is not a store", async () => {
  const login = loginFor(shifted);
  const error = (await rejectionOf(
    login.tokenSource({ store: memoryTokenStore() })(),
  )) as ConnectIdError;
  expect(error.code).toBe("login_required");
  expect(() => login.tokenSource({ store: {} as TokenStore })).toThrow(
    expect.objectContaining({ code: "invalid_input" }),
  );
});

it("keeps using the tokens it refreshed when the store hands back older ones", async () => {
  const { login, tokens, counted } = await expiredLogin();
  // A store that is slow to show writes (a replica, a cache): it keeps answering the old tokens.
  const source = login.tokenSource({ store: { get: () => tokens, set: () => {} } });
  const first = await source();
  const second = await source();
  expect(first).not.toBe(tokens.accessToken);
  expect(second).toBe(first);
  expect(counted.token).toBe(1);
});
