// The package against panva's oidc-provider, a certified OpenID Provider,
// started in this process on 127.0.0.1: code + PKCE with the server's own
// endpoints (given, and discovered), refresh with and without rotation, the
// token source under concurrency, and the ways a login is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConnectIdError,
  createConnectIdLogin,
  memoryTokenStore,
  type ConnectIdLoginOptions,
  type TokenSet,
  type TokenStore,
} from "../../src/index.js";
import {
  CLIENT,
  POST_CLIENT,
  PROVIDER_REDIRECT,
  providerSignIn,
  startProvider,
  type StandardsServer,
} from "../helpers/oidc-provider.js";
import { rejectionOf } from "../helpers/sandbox.js";

let rotating: StandardsServer;
let keeping: StandardsServer;
beforeAll(async () => {
  [rotating, keeping] = await Promise.all([startProvider(true), startProvider(false)]);
});
afterAll(() => Promise.all([rotating.close(), keeping.close()]));

/** A login at `op` with its own endpoints given, and its issuer known. */
function loginAt(op: StandardsServer, options: Partial<ConnectIdLoginOptions> = {}) {
  return createConnectIdLogin({
    ...CLIENT,
    redirectUri: PROVIDER_REDIRECT,
    authorizationEndpoint: `${op.issuer}/auth`,
    tokenEndpoint: `${op.issuer}/token`,
    issuer: op.issuer,
    scope: "openid",
    ...options,
  });
}

async function loggedIn(login = loginAt(rotating)) {
  const { url, pending } = await login.startLogin();
  return { login, tokens: await login.finishLogin(await providerSignIn(url), pending) };
}

/** Whether the provider accepts an access token (its userinfo endpoint, as an API would). */
async function accepted(op: StandardsServer, accessToken: string): Promise<boolean> {
  const response = await fetch(`${op.issuer}/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return response.ok;
}

describe("code + PKCE with the server's own endpoints", () => {
  const discovered = { authorizationEndpoint: undefined, tokenEndpoint: undefined };
  it.each([
    ["given", {}],
    ["discovered (OpenID Connect discovery)", { ...discovered, discovery: "oidc" }],
    [
      "discovered, with client_secret_post",
      {
        ...discovered,
        discovery: "oidc",
        ...POST_CLIENT,
        clientAuthentication: "client_secret_post",
      },
    ],
  ] as const)("endpoints %s: a token set the server accepts", async (_, options) => {
    const login = loginAt(rotating, options as Partial<ConnectIdLoginOptions>);
    const { url, pending } = await login.startLogin();
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).toBe(`${rotating.issuer}/auth`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const callback = await providerSignIn(url);
    // The provider names itself in the callback (RFC 9207): checked, as the issuer is known.
    expect(new URL(callback).searchParams.get("iss")).toBe(rotating.issuer);
    const tokens = await login.finishLogin(callback, pending);
    expect(tokens.scope).toBe("openid");
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    expect(await accepted(rotating, tokens.accessToken)).toBe(true);
    expect(login.loginServer).toBe(rotating.issuer);
  });

  it("without an issuer configured (as for ConnectID), the callback's iss is not compared", async () => {
    const login = createConnectIdLogin({
      ...CLIENT,
      redirectUri: PROVIDER_REDIRECT,
      authorizationEndpoint: `${keeping.issuer}/auth`,
      tokenEndpoint: `${keeping.issuer}/token`,
      scope: "openid",
    });
    const { url, pending } = await login.startLogin();
    const callback = new URL(await providerSignIn(url));
    callback.searchParams.set("iss", "https://another.example");
    const tokens = await login.finishLogin(callback, pending);
    expect(await accepted(keeping, tokens.accessToken)).toBe(true);
  });
});

describe("refresh", () => {
  it("with rotation: a new pair; the old refresh token is dead (invalid_grant)", async () => {
    const { login, tokens } = await loggedIn(loginAt(rotating));
    const renewed = await login.refresh(tokens);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
    expect(await accepted(rotating, renewed.accessToken)).toBe(true);
    const error = (await rejectionOf(login.refresh(tokens))) as ConnectIdError;
    expect(error).toBeInstanceOf(ConnectIdError);
    expect(error.code).toBe("invalid_grant");
    expect(error.status).toBe(400);
  });

  it("without rotation: the refresh token is kept and works again", async () => {
    const { login, tokens } = await loggedIn(loginAt(keeping));
    const first = await login.refresh(tokens);
    const second = await login.refresh(first);
    expect(first.refreshToken).toBe(tokens.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await accepted(keeping, second.accessToken)).toBe(true);
  });

  it("a revoked refresh token is invalid_grant", async () => {
    const { login, tokens } = await loggedIn(loginAt(keeping));
    const revoked = await fetch(`${keeping.issuer}/token/revocation`, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${CLIENT.clientId}:${encodeURIComponent(CLIENT.clientSecret)}`)}`,
      },
      body: new URLSearchParams({ token: tokens.refreshToken as string }),
    });
    expect(revoked.status).toBe(200);
    const error = (await rejectionOf(login.refresh(tokens))) as ConnectIdError;
    expect(error.code).toBe("invalid_grant");
  });
});

describe("the token source", () => {
  it("50 concurrent calls with expired tokens: one refresh (with rotation), all get its token", async () => {
    const { login, tokens } = await loggedIn(loginAt(rotating));
    const store = memoryTokenStore({ ...tokens, expiresAt: Date.now() - 1 });
    const source = login.tokenSource({ store });
    const before = rotating.grants.length;
    const results = await Promise.all(Array.from({ length: 50 }, () => source()));
    expect(rotating.grants.length - before).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe((await store.get())?.accessToken);
    expect(await accepted(rotating, results[0] as string)).toBe(true);
  });

  it("two sources on one store refreshing at once both get a token the server accepts", async () => {
    const { login, tokens } = await loggedIn(loginAt(keeping));
    let current: TokenSet = { ...tokens, expiresAt: Date.now() - 1 };
    const store: TokenStore = {
      get: () => current,
      set: (next) => {
        current = next;
      },
    };
    const [a, b] = await Promise.all([
      login.tokenSource({ store })(),
      login.tokenSource({ store })(),
    ]);
    expect(await accepted(keeping, a)).toBe(true);
    expect(await accepted(keeping, b)).toBe(true);
  });

  it("a logout (the store emptied) is login_required; refresh() renews a token thought fresh", async () => {
    const { login, tokens } = await loggedIn(loginAt(rotating));
    const store = memoryTokenStore(tokens);
    const source = login.tokenSource({ store });
    expect(await source()).toBe(tokens.accessToken);
    const forced = await source.refresh();
    expect(forced).not.toBe(tokens.accessToken);
    expect(await accepted(rotating, forced)).toBe(true);
    await store.set(undefined as never);
    expect(await rejectionOf(source())).toMatchObject({ code: "login_required" });
  });
});

describe("a login the server or this package refuses", () => {
  it("wrong state: state_mismatch, nothing sent; the right login still finishes", async () => {
    const login = loginAt(rotating);
    const first = await login.startLogin();
    const other = await login.startLogin();
    const callback = await providerSignIn(first.url);
    const before = rotating.grants.length;
    const error = (await rejectionOf(login.finishLogin(callback, other.pending))) as ConnectIdError;
    expect(error.code).toBe("state_mismatch");
    expect(rotating.grants.length).toBe(before);
    await expect(login.finishLogin(callback, first.pending)).resolves.toHaveProperty("accessToken");
  });

  it("a reused code: invalid_grant", async () => {
    const login = loginAt(rotating);
    const { url, pending } = await login.startLogin();
    const callback = await providerSignIn(url);
    await login.finishLogin(callback, pending);
    const error = (await rejectionOf(login.finishLogin(callback, pending))) as ConnectIdError;
    expect(error.code).toBe("invalid_grant");
  });

  it("the customer aborts: access_denied", async () => {
    const login = loginAt(rotating);
    const { url, pending } = await login.startLogin();
    const error = (await rejectionOf(
      login.finishLogin(await providerSignIn(url, "deny"), pending),
    )) as ConnectIdError;
    expect(error.code).toBe("access_denied");
    expect(error.oauthError).toBe("access_denied");
  });

  it.each(["client_secret_basic", "client_secret_post"] as const)(
    "a wrong secret (%s): provider_error invalid_client, the secret nowhere in the error",
    async (clientAuthentication) => {
      const wrong = "Wrong+Secret/value";
      const client = clientAuthentication === "client_secret_post" ? POST_CLIENT : CLIENT;
      const login = loginAt(rotating, { ...client, clientSecret: wrong, clientAuthentication });
      const { url, pending } = await login.startLogin();
      const error = (await rejectionOf(
        login.finishLogin(await providerSignIn(url), pending),
      )) as ConnectIdError;
      expect(error.code).toBe("provider_error");
      expect(error.oauthError).toBe("invalid_client");
      expect(error.status).toBe(401);
      expect(JSON.stringify(error) + String(error)).not.toContain(wrong);
    },
  );

  it("a foreign iss with the issuer known: issuer_mismatch, nothing sent", async () => {
    const login = loginAt(rotating);
    const { url, pending } = await login.startLogin();
    const callback = new URL(await providerSignIn(url));
    callback.searchParams.set("iss", "https://evil.example");
    const before = rotating.grants.length;
    const error = (await rejectionOf(login.finishLogin(callback, pending))) as ConnectIdError;
    expect(error.code).toBe("issuer_mismatch");
    expect(rotating.grants.length).toBe(before);
  });

  it("a configured issuer the server is not: its own iss is refused, and so is discovery", async () => {
    const login = loginAt(rotating, { issuer: "https://connectid.example" });
    const { url, pending } = await login.startLogin();
    const error = (await rejectionOf(
      login.finishLogin(await providerSignIn(url), pending),
    )) as ConnectIdError;
    expect(error.code).toBe("issuer_mismatch");
    const discovering = loginAt(rotating, {
      issuer: `${rotating.issuer}/other`,
      discovery: "oidc",
    });
    const failed = (await rejectionOf(discovering.startLogin())) as ConnectIdError;
    expect(failed).toBeInstanceOf(ConnectIdError);
    expect(failed.code).toBe("provider_error");
  });
});
