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

let sandbox: Sandbox;
let slower: Sandbox;
beforeAll(async () => {
  // Access tokens live one second, so the test can watch one expire; three
  // seconds where 1,000 payments must all get through on the refreshed token.
  [sandbox, slower] = await Promise.all([
    sandboxWith({ accessTokenTtlSeconds: 1 }),
    sandboxWith({ accessTokenTtlSeconds: 3 }),
  ]);
});
afterAll(() => Promise.all([sandbox.close(), slower.close()]));

/** A login whose token requests are counted, and tokens that have just expired at the sandbox. */
async function expiredLogin(sandbox: Sandbox, lifetimeMs: number) {
  const counted = { token: 0 };
  const login = loginFor(sandbox, {
    refreshBeforeExpiryMs: 0,
    fetch: (input, init) => {
      if (String(input).endsWith("/oauth/token")) counted.token++;
      return fetch(input, init);
    },
  });
  const { url, pending } = await login.startLogin();
  const tokens = await login.finishLogin(await signIn(url), pending);
  await sleep(lifetimeMs + 100);
  return { login, tokens, counted };
}

it("1,000 concurrent payInvoice calls with an expired token send exactly one refresh, and all pay", async () => {
  const { login, tokens, counted } = await expiredLogin(slower, 3_000);
  const store = memoryTokenStore(tokens);
  const client = createConnectClient({
    baseUrl: slower.apiUrl,
    accessToken: login.tokenSource({ store }),
  });
  const before = slower.transactions().length;
  counted.token = 0;

  const results = await Promise.all(
    Array.from({ length: 1_000 }, () => client.payInvoice(validInvoice)),
  );

  expect(counted.token).toBe(1);
  expect(new Set(results.map((r) => r.transactionId)).size).toBe(1_000);
  expect(slower.transactions().length - before).toBe(1_000);
  const stored = (await store.get()) as TokenSet;
  expect(stored.accessToken).not.toBe(tokens.accessToken);
  expect(stored.refreshToken).not.toBe(tokens.refreshToken);
}, 60_000);

it("a failed refresh reaches every waiting call as a typed error, and the next call tries again", async () => {
  const { login, tokens, counted } = await expiredLogin(sandbox, 1_000);
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
  const client = createConnectClient({ baseUrl: sandbox.apiUrl, accessToken: source });
  const failed = (await rejectionOf(client.payInvoice(validInvoice))) as ConnectError;
  expect(failed).toBeInstanceOf(ConnectError);
  expect(failed.cause).toBeInstanceOf(ConnectIdError);
  expect((failed.cause as ConnectIdError).code).toBe("invalid_grant");
  expect(counted.token).toBe(2);
}, 30_000);

it("refreshes shortly before expiry, not after, and saves the new tokens in a pluggable store", async () => {
  const login = loginFor(sandbox, { refreshBeforeExpiryMs: 800 });
  const { url, pending } = await login.startLogin();
  const tokens = await login.finishLogin(await signIn(url), pending);
  const saved: TokenSet[] = [];
  // An asynchronous store, like a session or a database.
  const store: TokenStore = {
    get: async () => saved.at(-1) ?? tokens,
    set: async (next) => {
      await sleep(5);
      saved.push(next);
    },
  };
  const source = login.tokenSource({ store });
  // A one-second token with an 800 ms margin is "expiring" after 200 ms.
  expect(await source()).toBe(tokens.accessToken);
  await sleep(300);
  const renewed = await source();
  expect(renewed).not.toBe(tokens.accessToken);
  expect(saved).toHaveLength(1);
  expect(saved[0]?.accessToken).toBe(renewed);
  // The renewed token still works at the API: it was refreshed before it expired.
  const client = createConnectClient({
    baseUrl: sandbox.apiUrl,
    accessToken: renewed,
    maxRetries: 0,
  });
  await expect(client.payInvoice(validInvoice)).resolves.toHaveProperty("transactionId");
});

it("login_required when the store is empty; invalid_input when the store is not a store", async () => {
  const login = loginFor(sandbox);
  const error = (await rejectionOf(
    login.tokenSource({ store: memoryTokenStore() })(),
  )) as ConnectIdError;
  expect(error.code).toBe("login_required");
  expect(() => login.tokenSource({ store: {} as TokenStore })).toThrow(
    expect.objectContaining({ code: "invalid_input" }),
  );
});
