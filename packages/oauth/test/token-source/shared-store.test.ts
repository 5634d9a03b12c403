// Several token sources on one memoryTokenStore (several clients for the
// same customer in one process): one refresh per expiry between them, the
// same error for all when it fails, and a crashed lease holder blocks no one.
import { createConnectClient } from "@connect-payment/client";
import type { Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ConnectIdError, memoryTokenStore, type TokenSet } from "../../src/index.js";
import { loginFor, rejectionOf, sandboxWith, validInvoice } from "../helpers/sandbox.js";

let sandbox: Sandbox;
let offset = 0;
beforeAll(async () => {
  sandbox = await sandboxWith({ clock: () => Date.now() + offset });
});
afterAll(() => sandbox.close());

/** A counted login and a signed-in customer whose access token has expired at the sandbox. */
function expiredCustomer() {
  const counted = { token: 0 };
  const login = loginFor(sandbox, {
    fetch: (input, init) => {
      if (String(input).endsWith("/oauth/token")) counted.token++;
      return fetch(input, init);
    },
  });
  const signedIn = sandbox.signIn("kari");
  offset += 13 * 3600_000;
  const tokens: TokenSet = { ...signedIn, expiresAt: Date.now() - 1 };
  return { login, tokens, counted };
}

it("two token sources on one memoryTokenStore, 200 calls each: one refresh, every call pays, the login survives", async () => {
  const { login, tokens, counted } = expiredCustomer();
  const store = memoryTokenStore(tokens);
  const clients = [1, 2].map(() =>
    createConnectClient({ baseUrl: sandbox.apiUrl, accessToken: login.tokenSource({ store }) }),
  );

  const results = await Promise.allSettled(
    clients.flatMap((client) => Array.from({ length: 200 }, () => client.payInvoice(validInvoice))),
  );

  expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  expect(counted.token).toBe(1);
  const stored = (await store.get()) as TokenSet;
  expect(stored.refreshToken).not.toBe(tokens.refreshToken);
  // The login survives: the stored refresh token is the live one.
  await expect(login.refresh(stored)).resolves.toHaveProperty("accessToken");
}, 60_000);

it("a failed refresh gives both token sources the same error, from one request; a later call tries again", async () => {
  const { login, tokens, counted } = expiredCustomer();
  await login.refresh(tokens); // the store's refresh token is now retired
  counted.token = 0;
  const store = memoryTokenStore(tokens);
  const sources = [login.tokenSource({ store }), login.tokenSource({ store })];

  const errors = await Promise.all(
    sources.flatMap((source) => Array.from({ length: 50 }, () => rejectionOf(source()))),
  );

  expect(counted.token).toBe(1);
  const shapes = new Set(
    errors.map((error) => {
      expect(error).toBeInstanceOf(ConnectIdError);
      const { code, message, oauthError } = error as ConnectIdError;
      return JSON.stringify({ code, message, oauthError });
    }),
  );
  expect(shapes.size).toBe(1);
  expect((errors[0] as ConnectIdError).code).toBe("invalid_grant");

  await rejectionOf(sources[1]!());
  expect(counted.token).toBe(2);
});

it("a lease holder that never lets go blocks no one past the lease: then one source refreshes, once", async () => {
  const { login, tokens, counted } = expiredCustomer();
  const store = memoryTokenStore(tokens, { leaseMs: 300 });
  expect(store.lease.acquire("a-holder-that-crashed")).toBe("a-holder-that-crashed");
  const sources = [login.tokenSource({ store }), login.tokenSource({ store })];

  const renewed = await Promise.all(sources.flatMap((source) => [source(), source(), source()]));

  expect(counted.token).toBe(1);
  expect(new Set(renewed).size).toBe(1);
  expect(renewed[0]).not.toBe(tokens.accessToken);
});

it("a store whose lease is not a lease is refused, naming the field", () => {
  const { login } = expiredCustomer();
  const broken = { get: () => undefined, set: () => {}, lease: { acquire: () => "x" } };
  // @ts-expect-error -- a lease needs status() and release() too
  expect(() => login.tokenSource({ store: broken })).toThrow(
    expect.objectContaining({
      code: "invalid_input",
      issues: [expect.objectContaining({ field: "store.lease" })],
    }),
  );
});
