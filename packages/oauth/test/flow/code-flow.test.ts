// The whole authorization code flow against the sandbox's login server over
// real HTTP, then paying with the customer's token; and each way it can fail.
import { createConnectClient } from "@connect-payment/client";
import type { Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectIdError, memoryTokenStore } from "../../src/index.js";
import {
  loginFor,
  rejectionOf,
  REDIRECT_URI,
  sandboxWith,
  signIn,
  sleep,
  validInvoice,
} from "../helpers/sandbox.js";

let sandbox: Sandbox;
let shortCodes: Sandbox;
beforeAll(async () => {
  [sandbox, shortCodes] = await Promise.all([sandboxWith(), sandboxWith({ codeTtlSeconds: 0.2 })]);
});
afterAll(() => Promise.all([sandbox.close(), shortCodes.close()]));

describe("a login from start to payment", () => {
  it.each([
    { clientAuthentication: "client_secret_basic", pkce: true },
    { clientAuthentication: "client_secret_post", pkce: true },
    { clientAuthentication: "client_secret_basic", pkce: false },
  ] as const)("works with $clientAuthentication, pkce $pkce", async (options) => {
    const login = loginFor(sandbox, options);
    const { url, pending } = await login.startLogin();
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).toBe(`${sandbox.loginServer}/oauth/authorize`);
    expect(authorize.searchParams.get("scope")).toBe("read");
    expect(authorize.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(authorize.searchParams.get("state")).toBe(pending.state);
    expect(authorize.searchParams.has("code_challenge")).toBe(options.pkce);
    expect(pending.codeVerifier !== undefined).toBe(options.pkce);

    const before = Date.now();
    const tokens = await login.finishLogin(await signIn(url), pending);
    expect(tokens.accessToken).toMatch(/^\S{20,}$/);
    expect(tokens.refreshToken).toMatch(/^\S{20,}$/);
    expect(tokens.scope).toBe("read");
    // The sandbox uses the provider's 12 hours by default.
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 12 * 3600_000);
    expect(tokens.expiresAt).toBeLessThanOrEqual(Date.now() + 12 * 3600_000);

    const client = createConnectClient({
      baseUrl: sandbox.apiUrl,
      accessToken: login.tokenSource({ store: memoryTokenStore(tokens) }),
    });
    const { transactionId } = await client.payInvoice(validInvoice);
    expect(sandbox.transactions().at(-1)?.id).toBe(transactionId);
  });

  it("calls the fetch it was given unbound, as browsers and workerd require", async () => {
    const thisValues: unknown[] = [];
    // Like a browser's fetch: "Illegal invocation" when run with another `this`.
    const strictFetch = function (this: unknown, url: RequestInfo | URL, init?: RequestInit) {
      thisValues.push(this);
      if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation");
      return fetch(url, init);
    };
    const login = loginFor(sandbox, { fetch: strictFetch as typeof fetch });
    const { url, pending } = await login.startLogin();
    const tokens = await login.finishLogin(await signIn(url), pending);
    expect(tokens.accessToken).toMatch(/^\S{20,}$/);
    expect(thisValues).toEqual([undefined]);
  });

  it("finishes from a callback Request as well as a URL", async () => {
    const login = loginFor(sandbox);
    const { url, pending } = await login.startLogin();
    const tokens = await login.finishLogin(new Request(await signIn(url)), pending);
    expect(tokens.accessToken).toBeTruthy();
  });

  it("refreshes: a new access token that the API accepts, the old refresh token retired", async () => {
    const login = loginFor(sandbox);
    const { url, pending } = await login.startLogin();
    const first = await login.finishLogin(await signIn(url), pending);
    const second = await login.refresh(first);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const pay = (token: string) =>
      createConnectClient({
        baseUrl: sandbox.apiUrl,
        accessToken: token,
        maxRetries: 0,
      }).payInvoice(validInvoice);
    await expect(pay(second.accessToken)).resolves.toHaveProperty("transactionId");
    // The sandbox rotates refresh tokens: the first one no longer works.
    const error = (await rejectionOf(login.refresh(first))) as ConnectIdError;
    expect(error).toBeInstanceOf(ConnectIdError);
    expect(error.code).toBe("invalid_grant");
    expect(error.status).toBe(400);
  });
});

describe("a login that fails", () => {
  it("state_mismatch when the callback's state is not the one started", async () => {
    const login = loginFor(sandbox);
    const first = await login.startLogin();
    const other = await login.startLogin();
    const callback = await signIn(first.url);
    const error = (await rejectionOf(login.finishLogin(callback, other.pending))) as ConnectIdError;
    expect(error.code).toBe("state_mismatch");
    // No code went to the token endpoint: the first login can still finish.
    await expect(login.finishLogin(callback, first.pending)).resolves.toHaveProperty("accessToken");
  });

  it("an iss parameter the provider may add does not get in the way", async () => {
    const login = loginFor(sandbox);
    const { url, pending } = await login.startLogin();
    const callback = new URL(await signIn(url));
    callback.searchParams.set("iss", "https://connectid.example");
    await expect(login.finishLogin(callback, pending)).resolves.toHaveProperty("accessToken");
  });

  it("access_denied when the customer denies, with the provider's description", async () => {
    const login = loginFor(sandbox);
    const { url, pending } = await login.startLogin();
    const callback = await signIn(url, "deny");
    const error = (await rejectionOf(login.finishLogin(callback, pending))) as ConnectIdError;
    expect(error.code).toBe("access_denied");
    expect(error.oauthError).toBe("access_denied");
    expect(error.description).toBe("The customer denied the request");
  });

  it("invalid_grant when a code is used twice, and the tokens of its first use stop working", async () => {
    const login = loginFor(sandbox);
    const { url, pending } = await login.startLogin();
    const callback = await signIn(url);
    const tokens = await login.finishLogin(callback, pending);
    const error = (await rejectionOf(login.finishLogin(callback, pending))) as ConnectIdError;
    expect(error.code).toBe("invalid_grant");
    expect(error.description).toBe("code already used");
    const client = createConnectClient({
      baseUrl: sandbox.apiUrl,
      accessToken: tokens.accessToken,
      maxRetries: 0,
    });
    await expect(client.payInvoice(validInvoice)).rejects.toMatchObject({
      code: "unauthorized",
      status: 401,
    });
  });

  it("invalid_grant when the code has expired", async () => {
    const login = loginFor(shortCodes);
    const { url, pending } = await login.startLogin();
    const callback = await signIn(url);
    await sleep(300);
    const error = (await rejectionOf(login.finishLogin(callback, pending))) as ConnectIdError;
    expect(error.code).toBe("invalid_grant");
    expect(error.description).toBe("code expired");
  });

  it("invalid_grant when the PKCE verifier is not the one that made the challenge", async () => {
    const login = loginFor(sandbox);
    const { url, pending } = await login.startLogin();
    const other = await login.startLogin();
    const callback = await signIn(url);
    const error = (await rejectionOf(
      login.finishLogin(callback, {
        state: pending.state,
        codeVerifier: other.pending.codeVerifier as string,
      }),
    )) as ConnectIdError;
    expect(error.code).toBe("invalid_grant");
  });

  it("provider_error invalid_client when the secret is wrong, Basic or form body", async () => {
    for (const clientAuthentication of ["client_secret_basic", "client_secret_post"] as const) {
      const login = loginFor(sandbox, { clientSecret: "not-the-secret", clientAuthentication });
      const { url, pending } = await login.startLogin();
      const error = (await rejectionOf(
        login.finishLogin(await signIn(url), pending),
      )) as ConnectIdError;
      expect(error.code).toBe("provider_error");
      expect(error.oauthError).toBe("invalid_client");
      expect(error.status).toBe(401);
    }
  });

  it("invalid_input, before any request, when the callback has no code or the pending login is incomplete", async () => {
    const login = loginFor(sandbox);
    const { pending } = await login.startLogin();
    const noCode = (await rejectionOf(
      login.finishLogin(`${REDIRECT_URI}?state=${pending.state}`, pending),
    )) as ConnectIdError;
    expect(noCode.code).toBe("invalid_input");
    expect(noCode.issues).toEqual([{ field: "code", message: "is missing from the callback URL" }]);
    const incomplete = (await rejectionOf(
      login.finishLogin("not a url", { state: "" } as never),
    )) as ConnectIdError;
    expect(incomplete.code).toBe("invalid_input");
    expect(incomplete.issues?.map((issue) => issue.field)).toEqual([
      "callback",
      "pending.state",
      "pending.codeVerifier",
    ]);
  });

  it("login_required when there is no refresh token", async () => {
    const login = loginFor(sandbox);
    const error = (await rejectionOf(
      login.refresh({ accessToken: "a", expiresAt: 0 }),
    )) as ConnectIdError;
    expect(error.code).toBe("login_required");
  });
});
