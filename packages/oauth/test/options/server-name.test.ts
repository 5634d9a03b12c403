// `login.loginServer` (the name errors and logs use) when no loginServer is
// given, and what reaches the caller when a custom fetch gives back something
// that is not a Response.
import { describe, expect, it } from "vitest";
import { ConnectIdError, createConnectIdLogin } from "../../src/index.js";

const valid = {
  clientId: "shop.example",
  clientSecret: "stub-client-secret",
  redirectUri: "https://shop.example/callback",
};

describe("loginServer without the option", () => {
  it("the token endpoint's origin, when the two endpoints are on different servers", () => {
    const login = createConnectIdLogin({
      ...valid,
      authorizationEndpoint: "https://auth.example/authorize",
      tokenEndpoint: "https://token.example/token",
    });
    expect(login.loginServer).toBe("https://token.example");
  });

  it("the issuer, when one is given", () => {
    const login = createConnectIdLogin({
      ...valid,
      issuer: "https://issuer.example/tenant",
      authorizationEndpoint: "https://auth.example/authorize",
      tokenEndpoint: "https://token.example/token",
    });
    expect(login.loginServer).toBe("https://issuer.example/tenant");
  });

  it("loginServer given wins over the issuer", () => {
    const login = createConnectIdLogin({
      ...valid,
      loginServer: "https://login.example/user",
      issuer: "https://issuer.example",
    });
    expect(login.loginServer).toBe("https://login.example/user");
  });
});

describe("a custom fetch that gives back no Response", () => {
  it.each([
    ["undefined", undefined],
    ["a plain object", { ok: true }],
  ])("%s: provider_error (an answer of sorts came), not network", async (_, answer) => {
    const login = createConnectIdLogin({
      ...valid,
      loginServer: "https://login.example/user",
      fetch: (() => Promise.resolve(answer)) as unknown as typeof fetch,
    });
    let thrown: unknown;
    await login.refresh("a-refresh-token").catch((error: unknown) => {
      thrown = error;
    });
    expect(thrown).toBeInstanceOf(ConnectIdError);
    expect(thrown).toMatchObject({ code: "provider_error", status: 0 });
    expect((thrown as Error).message).toMatch(
      /^The token endpoint answered 0 but not as the standard says/,
    );
  });
});
