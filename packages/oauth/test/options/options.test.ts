// Bad configuration throws at once, naming every bad option; good
// configuration picks the login server from the spec.
import { describe, expect, it } from "vitest";
import { LOGIN_SERVERS as SPEC_LOGIN_SERVERS, spec } from "../../../../openapi/fixtures.mjs";
import {
  createConnectIdLogin,
  LOGIN_SERVERS,
  type ConnectIdLoginOptions,
} from "../../src/index.js";
import { configError } from "../helpers/config-error.js";

const valid: ConnectIdLoginOptions = {
  environment: "norway",
  clientId: "no.mediaconnect.test",
  clientSecret: "s3cret-value",
  redirectUri: "https://shop.example/callback",
};

describe("createConnectIdLogin options", () => {
  it("names every bad option at once", () => {
    const error = configError({
      environment: "mars",
      clientId: " ",
      redirectUri: "http://shop.example/callback",
      scope: "",
      pkce: "yes",
      clientAuthentication: "private_key_jwt",
      refreshBeforeExpiryMs: -1,
      timeoutMs: 0,
      fetch: 42,
    });
    expect(error.code).toBe("invalid_config");
    expect(error.issues?.map((issue) => issue.field)).toEqual([
      "environment",
      "clientId",
      "clientSecret",
      "redirectUri",
      "scope",
      "pkce",
      "clientAuthentication",
      "refreshBeforeExpiryMs",
      "timeoutMs",
      "fetch",
    ]);
    expect(error.message).toContain("environment must be one of norway, sweden, test");
    expect(error.message).toContain("clientSecret must be a non-empty string");
  });

  it("needs an environment or a login server", () => {
    const { environment: _, ...rest } = valid;
    expect(configError(rest).issues).toEqual([
      {
        field: "environment",
        message: "is required unless loginServer is given (one of norway, sweden, test)",
      },
    ]);
    expect(configError(undefined).code).toBe("invalid_config");
  });

  it.each([
    ["http://shop.example/callback", false],
    ["https://shop.example/callback#x", false],
    ["/callback", false],
    ["https://shop.example/callback", true],
    ["http://127.0.0.1:3000/callback", true],
    ["http://localhost/callback", true],
    ["http://[::1]:8080/cb", true],
  ])("redirectUri %s: accepted %s (https, or http on loopback only)", (redirectUri, ok) => {
    const attempt = () => createConnectIdLogin({ ...valid, redirectUri });
    if (ok) expect(attempt).not.toThrow();
    else expect(configError({ ...valid, redirectUri }).issues?.[0]?.field).toBe("redirectUri");
  });

  it("takes the login server from the spec by environment, or any https / loopback URL", () => {
    expect(createConnectIdLogin(valid).loginServer).toBe(LOGIN_SERVERS.norway);
    expect(createConnectIdLogin({ ...valid, environment: "test" }).loginServer).toBe(
      SPEC_LOGIN_SERVERS.test,
    );
    const custom = createConnectIdLogin({ ...valid, loginServer: "http://127.0.0.1:9/user/" });
    expect(custom.loginServer).toBe("http://127.0.0.1:9/user");
    expect(configError({ ...valid, loginServer: "http://login.example" }).issues?.[0]?.field).toBe(
      "loginServer",
    );
  });

  it("starts a login with the spec's scope, PKCE S256 and a fresh state by default", async () => {
    const login = createConnectIdLogin(valid);
    const first = await login.startLogin();
    const second = await login.startLogin();
    const url = new URL(first.url);
    expect(url.origin + url.pathname).toBe(
      spec.components.securitySchemes.connectId.flows.authorizationCode.authorizationUrl,
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "no.mediaconnect.test",
      redirect_uri: "https://shop.example/callback",
      scope: "read",
      state: first.pending.state,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: "S256",
    });
    expect(first.pending.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(second.pending.state).not.toBe(first.pending.state);
    expect(second.pending.codeVerifier).not.toBe(first.pending.codeVerifier);
  });

  it("lets each assumption be changed: scope, PKCE", async () => {
    const login = createConnectIdLogin({ ...valid, scope: "read profile", pkce: false });
    const { url, pending } = await login.startLogin();
    expect(new URL(url).searchParams.get("scope")).toBe("read profile");
    expect(new URL(url).searchParams.has("code_challenge")).toBe(false);
    expect(pending).toEqual({ state: pending.state });
    const other = await login.startLogin({ scope: "read" });
    expect(new URL(other.url).searchParams.get("scope")).toBe("read");
  });
});
