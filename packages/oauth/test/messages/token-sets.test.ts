// The token set built from a token response, and the check of what a store
// gives back: the defaults and fallbacks a merchant's session relies on.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import {
  DEFAULT_ACCESS_TOKEN_LIFETIME_MS,
  storedTokens,
  tokenSetFrom,
  type TokenSet,
} from "../../src/tokens.js";

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
afterEach(() => {
  vi.restoreAllMocks();
});

const answer = (extra: Record<string, unknown> = {}) =>
  ({ access_token: "new-access", token_type: "bearer", ...extra }) as Parameters<
    typeof tokenSetFrom
  >[0];

describe("tokenSetFrom", () => {
  it("expires_in absent: the documented 12-hour lifetime", () => {
    vi.spyOn(Date, "now").mockReturnValue(NOW);
    expect(DEFAULT_ACCESS_TOKEN_LIFETIME_MS).toBe(12 * 60 * 60 * 1000);
    expect(tokenSetFrom(answer()).expiresAt).toBe(NOW + 12 * 60 * 60 * 1000);
  });

  it("expires_in given: that many seconds from now", () => {
    vi.spyOn(Date, "now").mockReturnValue(NOW);
    expect(tokenSetFrom(answer({ expires_in: 60 })).expiresAt).toBe(NOW + 60_000);
  });

  it("a refresh answer without refresh_token keeps the old one (RFC 6749 section 6)", () => {
    const previous: TokenSet = { accessToken: "old", refreshToken: "old-refresh", expiresAt: 1 };
    expect(tokenSetFrom(answer(), previous).refreshToken).toBe("old-refresh");
    expect(tokenSetFrom(answer({ refresh_token: "rotated" }), previous).refreshToken).toBe(
      "rotated",
    );
  });

  it("a refresh answer without scope keeps the granted scope", () => {
    const previous: TokenSet = { accessToken: "old", expiresAt: 1, scope: "openid pay" };
    expect(tokenSetFrom(answer(), previous).scope).toBe("openid pay");
    expect(tokenSetFrom(answer({ scope: "pay" }), previous).scope).toBe("pay");
  });

  it("no refresh token and no scope anywhere: neither field is set", () => {
    const tokens = tokenSetFrom(answer({ expires_in: 1 }));
    expect(Object.keys(tokens).sort()).toEqual(["accessToken", "expiresAt"]);
    expect(tokens.accessToken).toBe("new-access");
  });
});

describe("storedTokens: what a store's get() gave", () => {
  const valid: TokenSet = { accessToken: "a", expiresAt: 5, refreshToken: "r", scope: "s" };

  it("nothing stored (undefined or null) is no tokens", () => {
    expect(storedTokens(undefined)).toBeUndefined();
    expect(storedTokens(null)).toBeUndefined();
  });

  it("a token set is given back as it is, optional fields absent or strings", () => {
    expect(storedTokens(valid)).toBe(valid);
    const minimal = { accessToken: "a", expiresAt: 0 };
    expect(storedTokens(minimal)).toBe(minimal);
  });

  it.each([
    ["a string (a row not parsed)", JSON.stringify(valid)],
    ["a number", 5],
    ["no accessToken", { expiresAt: 5 }],
    ["an empty accessToken", { ...valid, accessToken: "" }],
    ["an accessToken not a string", { ...valid, accessToken: 5 }],
    ["expiresAt as a string", { ...valid, expiresAt: "5" }],
    ["expiresAt NaN", { ...valid, expiresAt: Number.NaN }],
    ["a refreshToken not a string", { ...valid, refreshToken: 5 }],
    ["a null refreshToken", { ...valid, refreshToken: null }],
    ["a scope not a string", { ...valid, scope: ["pay"] }],
  ])("%s: invalid_input naming store.get() and the shape it must have", (_, value) => {
    let thrown: unknown;
    try {
      storedTokens(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectIdError);
    const error = thrown as ConnectIdError;
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([{ field: "store.get()", message: expect.any(String) }]);
    expect(error.issues?.[0]?.message).toMatch(/token set .*accessToken, expiresAt.* or undefined/);
    expect(error.message).toContain("token store");
    expect(error.message).toContain("store.get()");
  });
});
