// Every option of createConnectIdLogin() refused with the exact rule it
// breaks, and the values that pass kept as given.
import { describe, expect, it } from "vitest";
import { AUTHORIZE_PATH, type ConnectIdLoginOptions } from "../../src/index.js";
import { STUB_SERVER, stubLogin } from "../helpers/stub.js";
import { configError } from "../helpers/config-error.js";

const valid: ConnectIdLoginOptions = {
  loginServer: STUB_SERVER,
  clientId: "shop.example",
  clientSecret: "a-client-secret",
  redirectUri: "https://shop.example/callback",
};

const SCOPE_RULE = "must be space-separated scope tokens (RFC 6749 section 3.3)";

describe("each broken option, with its rule", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["an empty clientId", { clientId: "" }, "clientId", "must be a non-empty string"],
    ["pkce as text", { pkce: "yes" }, "pkce", "must be true or false"],
    ["a scope with two spaces", { scope: "read  write" }, "scope", SCOPE_RULE],
    ["a scope with a leading space", { scope: " read" }, "scope", SCOPE_RULE],
    ["a scope with a trailing space", { scope: "read " }, "scope", SCOPE_RULE],
    ["a scope with a quote", { scope: 'read"' }, "scope", SCOPE_RULE],
    [
      "an unknown client authentication",
      { clientAuthentication: "basic" },
      "clientAuthentication",
      "must be one of client_secret_basic, client_secret_post",
    ],
    [
      "a negative refreshBeforeExpiryMs",
      { refreshBeforeExpiryMs: -1 },
      "refreshBeforeExpiryMs",
      "must be a non-negative integer",
    ],
    ["a zero timeoutMs", { timeoutMs: 0 }, "timeoutMs", "must be a positive integer"],
    ["a fetch that is not a function", { fetch: "fetch" }, "fetch", "must be a function"],
    [
      "an unknown discovery",
      { issuer: "https://login.example", discovery: "openid" },
      "discovery",
      "must be one of oidc, oauth2",
    ],
    ["discovery without an issuer", { discovery: "oidc" }, "issuer", "is required with discovery"],
  ])("%s", (_, broken, field, message) => {
    const error = configError({ ...valid, ...broken });
    expect(error.issues).toEqual([{ field, message }]);
    expect(error.message).toBe(`Invalid ConnectID login options: ${field} ${message}`);
  });
});

describe("values that pass", () => {
  it("a redirectUri with a query is accepted and sent as given", async () => {
    const redirectUri = "https://shop.example/callback?shop=1";
    const { login } = stubLogin(undefined, { redirectUri });
    const { url } = await login.startLogin();
    expect(new URL(url).searchParams.get("redirect_uri")).toBe(redirectUri);
  });

  it("a scope of several tokens is accepted", async () => {
    const { login } = stubLogin(undefined, { scope: "read write:all" });
    const { url } = await login.startLogin();
    expect(new URL(url).searchParams.get("scope")).toBe("read write:all");
  });

  it("every trailing slash of the login server is dropped", async () => {
    const { login } = stubLogin(undefined, { loginServer: `${STUB_SERVER}///` });
    expect(login.loginServer).toBe(STUB_SERVER);
    const { url } = await login.startLogin();
    expect(url.startsWith(`${STUB_SERVER}${AUTHORIZE_PATH}?`)).toBe(true);
  });
});
