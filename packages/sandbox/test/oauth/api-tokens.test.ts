// The sandbox API with `oauth.requireIssuedTokens`: only live tokens its login
// server issued; without it (the default for now) any bearer token, as before.
// The login itself runs on oauth4webapi, as a third-party client would.
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { PAY_INVOICE_PATH, PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import { answerSignIn, REDIRECT_URI } from "./helpers.js";

let strict: Sandbox;
let open: Sandbox;
// The strict sandbox's clock runs `offset` ahead: moving it expires tokens at once.
let offset = 0;
beforeAll(async () => {
  [strict, open] = await Promise.all([
    // The default: only issued tokens.
    startSandbox({ oauth: { clock: () => Date.now() + offset } }),
    startSandbox({ oauth: { requireIssuedTokens: false } }),
  ]);
});
afterAll(() => Promise.all([strict.close(), open.close()]));

function pay(sandbox: Sandbox, token: string): Promise<Response> {
  return fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ ...PAY_INVOICE_REQUEST, paymentMethod: "nexi" }),
  });
}

/** The whole code flow with oauth4webapi against the sandbox; returns the token answer. */
async function logInWithOauth4webapi(
  sandbox: Sandbox,
  clientAuth: oauth.ClientAuth,
): Promise<oauth.TokenEndpointResponse> {
  const as: oauth.AuthorizationServer = {
    issuer: sandbox.loginServer,
    authorization_endpoint: `${sandbox.loginServer}/oauth/authorize`,
    token_endpoint: `${sandbox.loginServer}/oauth/token`,
  };
  const client: oauth.Client = { client_id: DEFAULT_OAUTH_CLIENT.clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const callback = await answerSignIn(sandbox, {
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    scope: "read",
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const params = oauth.validateAuthResponse(as, client, callback, state);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked only to stand out; the sandbox is plain http
  const options = { [oauth.allowInsecureRequests]: true };
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth,
    params,
    REDIRECT_URI,
    verifier,
    options,
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  // And a refresh, processed by the same library.
  const refreshed = await oauth.refreshTokenGrantRequest(
    as,
    client,
    clientAuth,
    tokens.refresh_token as string,
    options,
  );
  return oauth.processRefreshTokenResponse(as, client, refreshed);
}

describe("oauth4webapi as a third-party client of the login server", () => {
  it.each([
    ["HTTP Basic", () => oauth.ClientSecretBasic(DEFAULT_OAUTH_CLIENT.clientSecret)],
    ["the form body", () => oauth.ClientSecretPost(DEFAULT_OAUTH_CLIENT.clientSecret)],
  ])("logs in and refreshes with %s, and the API takes the token", async (_, auth) => {
    const tokens = await logInWithOauth4webapi(strict, auth());
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(43_200);
    expect((await pay(strict, tokens.access_token)).status).toBe(200);
  });
});

describe("requireIssuedTokens", () => {
  it("refuses a token it never issued with 401 invalid_token", async () => {
    const response = await pay(strict, "made-up-token");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await response.json()).toMatchObject({ error: "invalid_token" });
  });

  it("refuses an issued token once it expired", async () => {
    const tokens = await logInWithOauth4webapi(
      strict,
      oauth.ClientSecretBasic(DEFAULT_OAUTH_CLIENT.clientSecret),
    );
    expect((await pay(strict, tokens.access_token)).status).toBe(200);
    offset += 12 * 3600_000 + 1_000;
    expect((await pay(strict, tokens.access_token)).status).toBe(401);
  });

  it("is on by default; turned off, any bearer token is accepted", async () => {
    expect((await pay(open, "made-up-token")).status).toBe(200);
  });
});
