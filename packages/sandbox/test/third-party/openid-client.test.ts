// openid-client (a certified OAuth 2.0 / OpenID client, not ours) against the
// sandbox's login server: discovery from RFC 8414 metadata, code + PKCE,
// refresh, both client authentications, and the RFC 6749 error answers.
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { requestIdOf } from "../oauth/helpers.js";
import { paymentMethodPath, PRODUCT_CODE } from "../../../../openapi/fixtures.mjs";

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
const REDIRECT_URI = "http://127.0.0.1:8099/login/callback";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

type Auth = "basic" | "post";
const AUTH: Record<Auth, (secret: string) => oidc.ClientAuth> = {
  basic: oidc.ClientSecretBasic,
  post: oidc.ClientSecretPost,
};

/** Discovers the login server as any RFC 8414 client would; plain http is fine on loopback. */
function discover(auth: Auth, secret: string = clientSecret): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(sandbox.loginServer), clientId, undefined, AUTH[auth](secret), {
    algorithm: "oauth2",
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out; the sandbox is plain http on loopback
    execute: [oidc.allowInsecureRequests],
  });
}

/** Sends the browser to the authorization URL and picks `choice` on the sign-in page. */
async function browse(url: URL, choice: Record<string, string> = { customer: "kari" }) {
  const page = await fetch(url);
  const request = requestIdOf(await page.text());
  if (!request) throw new Error(`no sign-in form (status ${page.status})`);
  const answer = await fetch(`${sandbox.loginServer}/oauth/authorize`, {
    method: "POST",
    body: new URLSearchParams({ request, ...choice }),
    redirect: "manual",
  });
  return new URL(answer.headers.get("location") as string);
}

async function login(config: oidc.Configuration, choice?: Record<string, string>) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: "read",
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const callback = await browse(url, choice);
  return { callback, verifier, state };
}

const apiAccepts = async (accessToken: string) =>
  (
    await fetch(`${sandbox.apiUrl}${paymentMethodPath(PRODUCT_CODE)}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
  ).status === 200;

async function refusal(promise: Promise<unknown>): Promise<oidc.ResponseBodyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(oidc.ResponseBodyError);
  return error as oidc.ResponseBodyError;
}

describe.each(["basic", "post"] as const)("openid-client with client_secret_%s", (auth) => {
  it("discovers the endpoints, logs in with code + PKCE, pays and refreshes", async () => {
    const config = await discover(auth);
    expect(config.serverMetadata().token_endpoint).toBe(`${sandbox.loginServer}/oauth/token`);
    const { callback, verifier, state } = await login(config);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.scope).toBe("read");
    expect(await apiAccepts(tokens.access_token)).toBe(true);

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(await apiAccepts(refreshed.access_token)).toBe(true);
  });

  it("gets invalid_client for a wrong secret, with a 401 that names its scheme", async () => {
    const config = await discover(auth, "wrong-secret");
    const { callback, verifier, state } = await login(config);
    const error = await oidc
      .authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // openid-client reads the 401's WWW-Authenticate challenge before the body.
    expect(error).toBeInstanceOf(oidc.WWWAuthenticateChallengeError);
    const challenge = error as oidc.WWWAuthenticateChallengeError;
    expect(challenge.status).toBe(401);
    expect(challenge.cause[0]?.scheme).toBe("basic");
    expect(((await challenge.response.json()) as { error: string }).error).toBe("invalid_client");
  });
});

describe("the RFC 6749 error answers, as openid-client reports them", () => {
  it("invalid_grant for a wrong PKCE verifier", async () => {
    const config = await discover("basic");
    const { callback, state } = await login(config);
    const error = await refusal(
      oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
        expectedState: state,
      }),
    );
    expect(error.error).toBe("invalid_grant");
    expect(error.status).toBe(400);
  });

  it("invalid_grant for a code used twice, and the first exchange's tokens are revoked", async () => {
    const config = await discover("post");
    const { callback, verifier, state } = await login(config);
    const checks = { pkceCodeVerifier: verifier, expectedState: state };
    const first = await oidc.authorizationCodeGrant(config, callback, checks);
    const refreshed = await oidc.refreshTokenGrant(config, first.refresh_token as string);
    const error = await refusal(oidc.authorizationCodeGrant(config, callback, checks));
    expect(error.error).toBe("invalid_grant");
    expect(await apiAccepts(refreshed.access_token)).toBe(false);
  });

  it("invalid_scope for a refresh asking a wider scope", async () => {
    const config = await discover("basic");
    const { callback, verifier, state } = await login(config);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const error = await refusal(
      oidc.refreshTokenGrant(config, tokens.refresh_token as string, { scope: "read write" }),
    );
    expect(error.error).toBe("invalid_scope");
  });

  it("invalid_grant for a rotated-out refresh token, which ends the login", async () => {
    const config = await discover("basic");
    const { callback, verifier, state } = await login(config);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const newer = await oidc.refreshTokenGrant(config, tokens.refresh_token as string);
    const error = await refusal(oidc.refreshTokenGrant(config, tokens.refresh_token as string));
    expect(error.error).toBe("invalid_grant");
    expect(await apiAccepts(newer.access_token)).toBe(false);
    const after = await refusal(oidc.refreshTokenGrant(config, newer.refresh_token as string));
    expect(after.error).toBe("invalid_grant");
  });

  it("access_denied when the customer denies, with the state checked", async () => {
    const config = await discover("basic");
    const { callback, verifier, state } = await login(config, { decision: "deny" });
    const error = await oidc
      .authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(oidc.AuthorizationResponseError);
    expect((error as oidc.AuthorizationResponseError).error).toBe("access_denied");
  });

  it("unsupported_grant_type for a grant the login server does not offer", async () => {
    const config = await discover("basic");
    // The password grant (RFC 6749 section 4.3): never offered, deprecated by RFC 9700.
    const error = await refusal(
      oidc.genericGrantRequest(config, "password", { username: "kari", password: "x" }),
    );
    expect(error.error).toBe("unsupported_grant_type");
  });
});
