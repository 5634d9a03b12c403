// The login server's grants on a clock the test moves: each code, sign-in,
// refresh token and access token stops working exactly when it expires, each
// refusal says why, and a reused refresh token revokes its login.
import { describe, expect, it } from "vitest";
import {
  GrantStore,
  s256,
  type IssuedTokens,
  type PendingAuthorization,
} from "../../src/oauth/grants.js";

const TTL = { accessMs: 1500, refreshMs: 100_000, codeMs: 60_000 };
const CLIENT = "shop";
const VERIFIER = "v".repeat(43);

/** A store on a clock that moves only when the test says. */
function storeAt(start = 1_000_000, detectReuse = true) {
  const clock = { now: start };
  const store = new GrantStore(TTL, () => clock.now, detectReuse);
  return { store, clock };
}

/** A pending sign-in; `expiresAt` is the store's to set and is not read by `addCode`. */
const signIn = (codeChallenge?: string): PendingAuthorization => ({
  clientId: CLIENT,
  redirectUri: "http://127.0.0.1/cb",
  scope: "read",
  state: undefined,
  codeChallenge,
  expiresAt: 0,
});

const tokens = (issued: unknown) => {
  expect(issued).toHaveProperty("access_token");
  return issued as IssuedTokens;
};

describe("sign-ins and codes", () => {
  it("a sign-in can be answered for ten minutes, once", () => {
    const { store, clock } = storeAt();
    const early = store.addSignIn(signIn());
    const late = store.addSignIn(signIn());
    clock.now += 10 * 60_000 - 1;
    expect(store.takeSignIn(early)).toMatchObject({ clientId: CLIENT });
    expect(store.takeSignIn(early)).toBeUndefined();
    clock.now += 1;
    expect(store.takeSignIn(late)).toBeUndefined();
  });

  it("a code works until its lifetime ends, not at that moment", () => {
    const { store, clock } = storeAt();
    const first = store.addCode(signIn(), "kari");
    const second = store.addCode(signIn(), "kari");
    const check = { clientId: CLIENT, redirectUri: "http://127.0.0.1/cb", codeVerifier: null };
    clock.now += TTL.codeMs - 1;
    expect(tokens(store.redeemCode(first, check)).expires_in).toBe(2);
    clock.now += 1;
    expect(store.redeemCode(second, check)).toEqual({
      error: "code expired",
      code: "invalid_grant",
    });
  });

  it("refuses a code to another client, or without its verifier, each in its words", () => {
    const { store } = storeAt();
    const check = { clientId: CLIENT, redirectUri: "http://127.0.0.1/cb", codeVerifier: VERIFIER };
    const plain = store.addCode(signIn(), "kari");
    expect(store.redeemCode(plain, { ...check, clientId: "other" })).toEqual({
      error: "unknown code",
      code: "invalid_grant",
    });
    const refusedWith = (codeVerifier: string | null) =>
      store.redeemCode(store.addCode(signIn(s256(VERIFIER)), "kari"), {
        ...check,
        codeVerifier,
      });
    expect(refusedWith(null)).toEqual({ error: "code_verifier missing", code: "invalid_grant" });
    expect(refusedWith("w".repeat(43))).toEqual({
      error: "code_verifier wrong",
      code: "invalid_grant",
    });
    expect(store.redeemCode(store.addCode(signIn(), "kari"), check)).toEqual({
      error: "code_verifier sent without a code_challenge",
      code: "invalid_grant",
    });
    expect(refusedWith(VERIFIER)).toHaveProperty("refresh_token");
  });
});

describe("access and refresh tokens", () => {
  const login = (store: GrantStore) =>
    tokens(store.signIn({ clientId: CLIENT, customerId: "kari", scope: "read" }));

  it("an access token speaks for its holder until it expires, not at that moment", () => {
    const { store, clock } = storeAt();
    const { access_token } = login(store);
    const client = store.issueClientToken(CLIENT, "read");
    expect(client.expires_in).toBe(Math.ceil(TTL.accessMs / 1000));
    clock.now += TTL.accessMs - 1;
    expect(store.holderOf(access_token)).toEqual({ customer: "kari", issuedTo: CLIENT });
    expect(store.holderOf(client.access_token)).toEqual({ client: CLIENT, issuedTo: CLIENT });
    clock.now += 1;
    expect(store.holderOf(access_token)).toBeUndefined();
    expect(store.holderOf(client.access_token)).toBeUndefined();
  });

  it("a refresh token works until it expires, not at that moment", () => {
    const { store, clock } = storeAt();
    const first = login(store);
    const second = login(store);
    clock.now += TTL.refreshMs - 1;
    expect(tokens(store.refresh(first.refresh_token, CLIENT, null)).scope).toBe("read");
    clock.now += 1;
    expect(store.refresh(second.refresh_token, CLIENT, null)).toEqual({
      error: "refresh token expired",
      code: "invalid_grant",
    });
  });

  it("refuses a scope wider than the login's", () => {
    const { store } = storeAt();
    expect(store.refresh(login(store).refresh_token, CLIENT, "read write")).toEqual({
      error: "scope wider than granted",
      code: "invalid_scope",
    });
  });

  it("a rotated-out refresh token shown again revokes the login, however many rotations ago", () => {
    const { store } = storeAt();
    const first = login(store);
    const second = tokens(store.refresh(first.refresh_token, CLIENT, null));
    const third = tokens(store.refresh(second.refresh_token, CLIENT, null));
    expect(store.refresh(first.refresh_token, CLIENT, null)).toEqual({
      error: "refresh token reused: taken as stolen, the whole login is revoked",
      code: "invalid_grant",
    });
    expect(store.holderOf(third.access_token)).toBeUndefined();
    expect(store.refresh(third.refresh_token, CLIENT, null)).toEqual({
      error: "unknown refresh token",
      code: "invalid_grant",
    });
  });

  it("without reuse detection, a rotated-out token is only refused", () => {
    const { store } = storeAt(1_000_000, false);
    const first = login(store);
    const second = tokens(store.refresh(first.refresh_token, CLIENT, null));
    expect(store.refresh(first.refresh_token, CLIENT, null)).toEqual({
      error: "refresh token already used",
      code: "invalid_grant",
    });
    expect(store.holderOf(second.access_token)).toEqual({ customer: "kari", issuedTo: CLIENT });
  });

  it("a rotated-out token past its own expiry is unknown, and the login stays", () => {
    const { store, clock } = storeAt();
    const first = login(store);
    clock.now += TTL.refreshMs / 2;
    const second = tokens(store.refresh(first.refresh_token, CLIENT, null));
    clock.now += TTL.refreshMs / 2;
    // `first` would have expired now; `second` lives on.
    expect(store.refresh(first.refresh_token, CLIENT, null)).toEqual({
      error: "unknown refresh token",
      code: "invalid_grant",
    });
    expect(tokens(store.refresh(second.refresh_token, CLIENT, null)).scope).toBe("read");
  });

  it("a refresh token shown by another client is unknown to it, live or rotated out", () => {
    const { store } = storeAt();
    const first = login(store);
    const second = tokens(store.refresh(first.refresh_token, CLIENT, null));
    for (const shown of [first.refresh_token, second.refresh_token]) {
      expect(store.refresh(shown, "other", null)).toEqual({
        error: "unknown refresh token",
        code: "invalid_grant",
      });
    }
    // Neither counted as reuse: the login goes on.
    expect(tokens(store.refresh(second.refresh_token, CLIENT, null)).scope).toBe("read");
  });
});
