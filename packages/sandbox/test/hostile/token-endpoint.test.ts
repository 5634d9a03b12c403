// The token endpoint's answers as RFC 9110, RFC 6749 and RFC 8414 ask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { basic, tokenRequest } from "../oauth/helpers.js";

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("the token endpoint", () => {
  it("sends WWW-Authenticate with every 401", async () => {
    const { refreshToken } = sandbox.signIn();
    const grant = { grant_type: "refresh_token", refresh_token: refreshToken };
    for (const [form, headers] of [
      [grant, {}],
      [{ ...grant, client_id: clientId }, {}],
      [{ ...grant, client_id: clientId, client_secret: "wrong" }, {}],
      [{ ...grant, client_id: "unknown", client_secret: clientSecret }, {}],
      [grant, { authorization: basic(clientId, "wrong") }],
    ] as const) {
      const response = await tokenRequest(sandbox, form, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="[^"]+"/);
      expect(((await response.json()) as { error: string }).error).toBe("invalid_client");
    }
  });

  it("answers invalid_scope to a refresh asking a wider scope, and keeps the token", async () => {
    const { refreshToken } = sandbox.signIn();
    const response = await tokenRequest(
      sandbox,
      { grant_type: "refresh_token", refresh_token: refreshToken, scope: "read write" },
      { authorization: basic(clientId, clientSecret) },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_scope");
    const retry = await tokenRequest(
      sandbox,
      { grant_type: "refresh_token", refresh_token: refreshToken, scope: "read" },
      { authorization: basic(clientId, clientSecret) },
    );
    expect(retry.status).toBe(200);
  });
});

describe("authorization server metadata (RFC 8414)", () => {
  it("is published at /.well-known/oauth-authorization-server{issuer path}", async () => {
    const issuer = new URL(sandbox.loginServer);
    const response = await fetch(
      `${issuer.origin}/.well-known/oauth-authorization-server${issuer.pathname}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      issuer: sandbox.loginServer,
      authorization_endpoint: `${sandbox.loginServer}/oauth/authorize`,
      token_endpoint: `${sandbox.loginServer}/oauth/token`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      code_challenge_methods_supported: ["S256"],
      scopes_supported: ["read"],
    });
  });
});
