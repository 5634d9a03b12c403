// {login}/oauth/token's client credentials grant, checked with openid-client
// (a certified OAuth 2.0 client, not ours): discovery finds the grant in the
// metadata, both client authentications give a token, the token has no
// refresh token, and the grant refuses a wrong secret and a foreign scope.
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { basic, tokenRequest } from "./helpers.js";

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;

let sandbox: Sandbox;
const logLines: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ log: (line) => logLines.push(line) });
});
afterAll(() => sandbox.close());

function discover(auth: oidc.ClientAuth): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(sandbox.loginServer), clientId, undefined, auth, {
    algorithm: "oauth2",
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out; the sandbox is plain http on loopback
    execute: [oidc.allowInsecureRequests],
  });
}

describe("the client credentials grant", () => {
  it("is listed in the login server's metadata", async () => {
    const config = await discover(oidc.ClientSecretBasic(clientSecret));
    expect(config.serverMetadata().grant_types_supported).toContain("client_credentials");
  });

  it.each([
    ["Basic", oidc.ClientSecretBasic(clientSecret)],
    ["the form body", oidc.ClientSecretPost(clientSecret)],
  ])("gives the client its own token, authenticated by %s", async (_, auth) => {
    const tokens = await oidc.clientCredentialsGrant(await discover(auth), { scope: "read" });
    expect(tokens.access_token.length).toBeGreaterThan(20);
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.scope).toBe("read");
    expect(tokens.expires_in).toBeGreaterThan(0);
    // RFC 6749 section 4.4.3: no refresh token; the client asks again.
    expect(tokens.refresh_token).toBeUndefined();
    expect(logLines.at(-1)).toBe(`token: client_credentials granted to ${clientId}`);
  });

  it("grants the login's scopes when none is asked", async () => {
    const response = await tokenRequest(
      sandbox,
      { grant_type: "client_credentials" },
      { authorization: basic(clientId, clientSecret) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.scope).toBe("read");
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "scope", "token_type"]);
  });

  it("refuses a wrong secret with invalid_client, the secret in no answer", async () => {
    const response = await tokenRequest(
      sandbox,
      { grant_type: "client_credentials" },
      { authorization: basic(clientId, "not-the-secret") },
    );
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: "invalid_client" });
    expect(text).not.toContain("not-the-secret");
  });

  it("refuses a scope the login does not have with invalid_scope", async () => {
    const response = await tokenRequest(sandbox, {
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: "read admin",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_scope" });
  });
});
