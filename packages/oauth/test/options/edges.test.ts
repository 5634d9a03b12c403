// The edges of the rules added for the standards work, one assertion each:
// what a store may give, which URLs and option sets are refused, how an
// issuer that the metadata says is always sent is enforced.
import { describe, expect, it } from "vitest";
import {
  ConnectIdError,
  createConnectIdLogin,
  type ConnectIdLoginOptions,
  type TokenSet,
} from "../../src/index.js";
import { basicCredentials, redact } from "../../src/errors.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { callbackFor, stubLogin, tokenAnswer, type Sent } from "../helpers/stub.js";

const base: ConnectIdLoginOptions = {
  clientId: "shop.example",
  clientSecret: "a-secret-value",
  redirectUri: "https://shop.example/callback",
};

function configIssues(options: Partial<ConnectIdLoginOptions>) {
  try {
    createConnectIdLogin({ ...base, ...options } as ConnectIdLoginOptions);
  } catch (error) {
    return (error as ConnectIdError).issues?.map((issue) => issue.field);
  }
  return [];
}

describe("what a store may give", () => {
  const stored = (value: unknown) => {
    const { login, sent } = stubLogin();
    const source = login.tokenSource({ store: { get: () => value as TokenSet, set: () => {} } });
    return { source, sent };
  };

  it("null is no login, like undefined", async () => {
    expect(await rejectionOf(stored(null).source())).toMatchObject({ code: "login_required" });
  });

  it.each([
    ["an empty access token", { accessToken: "", expiresAt: 0 }],
    ["an expiry that is NaN", { accessToken: "a", expiresAt: Number.NaN }],
    ["a scope that is not a string", { accessToken: "a", expiresAt: 0, scope: ["read"] }],
  ])("%s is invalid_input", async (_, value) => {
    const { source, sent } = stored(value);
    expect(await rejectionOf(source())).toMatchObject({ code: "invalid_input" });
    expect(sent).toHaveLength(0);
  });

  it("a full token set with a scope is used as it is", async () => {
    const value = { accessToken: "a", expiresAt: Date.now() + 3600_000, scope: "read" };
    expect(await stored(value).source()).toBe("a");
  });
});

describe("which option sets are refused", () => {
  it("one endpoint alone does not replace the login server", () => {
    expect(configIssues({ tokenEndpoint: "https://auth.example/token" })).toEqual(["environment"]);
    expect(configIssues({ authorizationEndpoint: "https://auth.example/a" })).toEqual([
      "environment",
    ]);
  });

  it("discovery with an issuer needs no login server", () => {
    expect(configIssues({ issuer: "https://auth.example", discovery: "oauth2" })).toEqual([]);
  });

  it("an endpoint may keep a query, never credentials", () => {
    expect(configIssues({ environment: "test", tokenEndpoint: "https://a.example/t?x=1" })).toEqual(
      [],
    );
    expect(configIssues({ environment: "test", tokenEndpoint: "https://u:p@a.example/t" })).toEqual(
      ["tokenEndpoint"],
    );
  });

  it("names the rule each URL breaks", () => {
    try {
      createConnectIdLogin({
        ...base,
        loginServer: "https://a.example/user?x=1",
        issuer: "https://u@a.example",
        redirectUri: "ftp://shop.example/cb",
      });
    } catch (error) {
      expect((error as ConnectIdError).issues).toEqual([
        { field: "loginServer", message: "must have no query (?)" },
        { field: "issuer", message: "must hold no credentials" },
        {
          field: "redirectUri",
          message: "must be an https (http only on loopback: 127.0.0.0/8, localhost or [::1]) URL",
        },
      ]);
      return;
    }
    throw new Error("expected a throw");
  });
});

describe("an issuer the metadata says is always sent", () => {
  const issuer = "https://login.example";
  const metadata = (sent: Sent) =>
    sent.url.includes("/.well-known/")
      ? {
          body: {
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            authorization_response_iss_parameter_supported: true,
          },
        }
      : tokenAnswer();

  it("a callback without iss is issuer_mismatch, nothing sent to the token endpoint", async () => {
    const { login, sent } = stubLogin(metadata, { issuer, discovery: "oauth2" });
    const { pending } = await login.startLogin();
    const error = (await rejectionOf(
      login.finishLogin(callbackFor(pending), pending),
    )) as ConnectIdError;
    expect(error.code).toBe("issuer_mismatch");
    expect(error.message).toContain("no issuer");
    expect(sent.map((one) => one.url)).toEqual([
      `${issuer}/.well-known/oauth-authorization-server`,
    ]);
  });

  it("with its iss, the login finishes", async () => {
    const { login } = stubLogin(metadata, { issuer, discovery: "oauth2" });
    const { pending } = await login.startLogin();
    const callback = callbackFor(pending, `code=c&iss=${encodeURIComponent(issuer)}`);
    await expect(login.finishLogin(callback, pending)).resolves.toHaveProperty("accessToken");
  });
});

describe("the Basic credentials, every way they are written", () => {
  it("form-encoded and plain, padded and not", () => {
    const forms = basicCredentials("shop id", "a+b/c");
    expect(forms).toEqual([
      btoa("shop+id:a%2Bb%2Fc"),
      btoa("shop+id:a%2Bb%2Fc").replace(/=+$/, ""),
      btoa("shop id:a+b/c"),
      btoa("shop id:a+b/c").replace(/=+$/, ""),
    ]);
  });

  it("Basic and Bearer are redacted after a space, %20 or +", () => {
    for (const text of ["Basic abc=", "Basic%20abc%3D", "Bearer+abc.def"]) {
      expect(redact(`h: ${text} end`, [])).toMatch(/^h: (Basic|Bearer) \[redacted\] end$/);
    }
  });

  it("a short value is not redacted (it would blank ordinary words)", () => {
    expect(redact("the abc value", ["abc"])).toBe("the abc value");
    expect(redact("the abcd value", ["abcd"])).toBe("the [redacted] value");
  });
});
