// Options as written: a misspelt name, a login server or redirect URI that
// cannot be right, endpoints and an issuer given as data.
import { describe, expect, it } from "vitest";
import {
  ConnectIdError,
  createConnectIdLogin,
  type ConnectIdLoginOptions,
} from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { stubLogin, tokenAnswer } from "../helpers/stub.js";
import { configError } from "../helpers/config-error.js";

const valid: ConnectIdLoginOptions = {
  environment: "norway",
  clientId: "no.mediaconnect.test",
  clientSecret: "s3cret-value",
  redirectUri: "https://shop.example/callback",
};

describe("unknown option names", () => {
  it("a misspelt option throws, naming it", () => {
    const error = configError({ ...valid, clientAuthenticaton: "client_secret_post" });
    expect(error.issues).toEqual([
      { field: "clientAuthenticaton", message: "is not an option of createConnectIdLogin" },
    ]);
    expect(error.message).toContain("clientAuthenticaton");
  });

  it("startLogin, finishLogin and tokenSource name an unknown option too", async () => {
    const { login, sent } = stubLogin();
    const started = (await rejectionOf(
      login.startLogin({ scpoe: "read" } as never),
    )) as ConnectIdError;
    expect(started).toMatchObject({ code: "invalid_input" });
    expect(started.issues?.[0]?.field).toBe("scpoe");
    const { pending } = await login.startLogin();
    const finished = (await rejectionOf(
      login.finishLogin(`https://shop.example/callback?code=c&state=${pending.state}`, pending, {
        expectedOrigni: "https://shop.example",
      } as never),
    )) as ConnectIdError;
    expect(finished.issues?.[0]?.field).toBe("expectedOrigni");
    expect(() =>
      login.tokenSource({ store: { get: () => undefined, set: () => {} }, stroe: 1 } as never),
    ).toThrow(expect.objectContaining({ code: "invalid_input" }));
    expect(sent).toHaveLength(0);
  });
});

describe("URLs that cannot be right", () => {
  it.each([
    "https://connectid.example/user?tenant=1",
    "https://connectid.example/user#top",
    "https://connectid.example/user#",
    "https://user:pass@connectid.example/user",
    "https://user@connectid.example/user",
  ])("loginServer %s is refused", (loginServer) => {
    expect(configError({ ...valid, loginServer }).issues?.[0]?.field).toBe("loginServer");
  });

  it.each(["https://shop.example/callback#", "https://shop.example/callback#x"])(
    "redirectUri %s (any #) is refused",
    (redirectUri) => {
      expect(configError({ ...valid, redirectUri }).issues?.[0]?.field).toBe("redirectUri");
    },
  );

  it.each([
    ["authorizationEndpoint", "http://login.example/authorize"],
    ["tokenEndpoint", "https://login.example/token#"],
    ["issuer", "https://login.example/?x=1"],
    ["issuer", "not a url"],
  ])("%s %s is refused", (field, value) => {
    expect(configError({ ...valid, [field]: value }).issues?.[0]?.field).toBe(field);
  });

  it("discovery needs an issuer and names the kinds it knows", () => {
    expect(configError({ ...valid, discovery: "oidc" }).issues?.[0]?.field).toBe("issuer");
    expect(
      configError({ ...valid, issuer: "https://login.example", discovery: "yes" }).issues?.[0]
        ?.field,
    ).toBe("discovery");
  });
});

describe("endpoints are data", () => {
  it("explicit endpoints are used for the login and the token requests", async () => {
    const { login, sent } = stubLogin(tokenAnswer(), {
      authorizationEndpoint: "https://auth.example/connect/authorize?tenant=shop",
      tokenEndpoint: "https://auth.example/connect/token",
    });
    const { url, pending } = await login.startLogin();
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).toBe("https://auth.example/connect/authorize");
    // The endpoint's own query is kept (RFC 6749 section 3.1).
    expect(authorize.searchParams.get("tenant")).toBe("shop");
    expect(authorize.searchParams.get("state")).toBe(pending.state);
    await login.finishLogin(`https://shop.example/callback?code=c&state=${pending.state}`, pending);
    await login.refresh("a-refresh-token");
    expect(sent.map((one) => one.url)).toEqual([
      "https://auth.example/connect/token",
      "https://auth.example/connect/token",
    ]);
  });

  it("with both endpoints, neither environment nor loginServer is needed", () => {
    const { environment: _, ...rest } = valid;
    const login = createConnectIdLogin({
      ...rest,
      authorizationEndpoint: "https://auth.example/authorize",
      tokenEndpoint: "https://auth.example/token",
    });
    expect(login.loginServer).toBe("https://auth.example");
  });
});
