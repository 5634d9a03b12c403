// The login server's settings: the lifetimes by default and as given, each
// refusal naming its option, the redirect URIs a client may use, and the test
// customers as the README lists them.
import { describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS } from "../../src/index.js";
import { oauthSettings, redirectAllowed } from "../../src/oauth/options.js";

describe("oauthSettings", () => {
  it("by default: access tokens for 12 hours, refresh tokens for 30 days, codes for a minute", () => {
    expect(oauthSettings()).toMatchObject({
      accessTtlMs: 12 * 60 * 60 * 1000,
      refreshTtlMs: 30 * 24 * 60 * 60 * 1000,
      codeTtlMs: 60 * 1000,
      requireIssuedTokens: true,
      refreshTokenReuseDetection: true,
    });
  });

  it("takes each lifetime in seconds, fractions included", () => {
    expect(
      oauthSettings({ accessTokenTtlSeconds: 0.5, refreshTokenTtlSeconds: 7, codeTtlSeconds: 3 }),
    ).toMatchObject({ accessTtlMs: 500, refreshTtlMs: 7000, codeTtlMs: 3000 });
  });

  it.each(["accessTokenTtlSeconds", "refreshTokenTtlSeconds", "codeTtlSeconds"])(
    "refuses %s that is not a positive number of seconds",
    (name) => {
      for (const value of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, "5"]) {
        expect(() => oauthSettings({ [name]: value })).toThrow(
          new TypeError(`oauth.${name} must be a positive number of seconds`),
        );
      }
    },
  );

  it("refuses a reuse detection that is not true or false", () => {
    expect(() => oauthSettings({ refreshTokenReuseDetection: "no" as unknown as boolean })).toThrow(
      new TypeError("oauth.refreshTokenReuseDetection must be true or false"),
    );
  });
});

describe("redirectAllowed", () => {
  it.each([
    ["http://127.0.0.1/cb", true],
    ["https://127.0.0.1:8443/cb?x=1", true],
    ["http://localhost:3000/cb", true],
    ["ftp://127.0.0.1/cb", false],
    ["javascript://127.0.0.1/%0Aalert(1)", false],
    ["http://127.0.0.1/cb#part", false],
    ["https://shop.example/cb", false],
    ["not a URL", false],
  ])("the default client: %s is %s", (uri, allowed) => {
    expect(redirectAllowed(DEFAULT_OAUTH_CLIENT, uri)).toBe(allowed);
  });

  it("a client with registered URIs: those exactly, nothing else", () => {
    const client = { ...DEFAULT_OAUTH_CLIENT, redirectUris: ["https://shop.example/cb"] };
    expect(redirectAllowed(client, "https://shop.example/cb")).toBe(true);
    expect(redirectAllowed(client, "https://shop.example/cb/")).toBe(false);
    expect(redirectAllowed(client, "http://127.0.0.1/cb")).toBe(false);
  });
});

it("the test customers: kari, ola and sven, numbered one after the other", () => {
  expect(SANDBOX_CUSTOMERS.map(({ id, name }) => [id, name])).toEqual([
    ["kari", "Kari Nordmann"],
    ["ola", "Ola Nordmann"],
    ["sven", "Sven Svensson"],
  ]);
  const [first] = SANDBOX_CUSTOMERS.map(({ customerNumber }) => customerNumber);
  expect(SANDBOX_CUSTOMERS.map(({ customerNumber }) => customerNumber)).toEqual([
    first,
    first! + 1,
    first! + 2,
  ]);
});
