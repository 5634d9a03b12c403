// The token source follows the store: a logout or another customer's login
// in the store wins over anything the source remembers; the remembered copy
// only bridges a store that still answers with the tokens it refreshed from.
// Refreshes against the sandbox, which rotates refresh tokens. Its reuse
// detection is off here: these cases are about a login server that merely
// refuses a rotated-out refresh token (a store with a lease, which prevents the
// second refresh altogether, is tested in shared-store.test.ts).
import type { Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ConnectIdError, type TokenSet, type TokenStore } from "../../src/index.js";
import { loginFor, rejectionOf, sandboxWith, signIn } from "../helpers/sandbox.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await sandboxWith({ refreshTokenReuseDetection: false });
});
afterAll(() => sandbox.close());

/** A counted login, and a fresh login's tokens marked as expired, as a store would hold them. */
async function expiredTokens(customer = "kari") {
  const counted = { token: 0 };
  const login = loginFor(sandbox, {
    fetch: (input, init) => {
      if (String(input).endsWith("/oauth/token")) counted.token++;
      return fetch(input, init);
    },
  });
  const { url, pending } = await login.startLogin();
  const tokens = await login.finishLogin(await signIn(url, { customer }), pending);
  counted.token = 0;
  return { login, counted, tokens: { ...tokens, expiresAt: Date.now() - 1 } };
}

/** A store whose answers the test sets; writes land in `written`. */
function scriptedStore(initial: unknown) {
  const store = { current: initial, written: [] as TokenSet[] };
  const api: TokenStore = {
    get: () => store.current as TokenSet | undefined,
    set: (tokens) => {
      store.written.push(tokens);
    },
  };
  return { store, api };
}

it("an emptied store (a logout) is login_required, even after the source refreshed", async () => {
  const { login, tokens } = await expiredTokens();
  const { store, api } = scriptedStore(tokens);
  const source = login.tokenSource({ store: api });
  expect(await source()).not.toBe(tokens.accessToken);
  store.current = undefined;
  const error = (await rejectionOf(source())) as ConnectIdError;
  expect(error).toBeInstanceOf(ConnectIdError);
  expect(error.code).toBe("login_required");
});

it("a store given another login's tokens is answered with those, not the remembered ones", async () => {
  const { login, tokens } = await expiredTokens("kari");
  const other = await expiredTokens("ola");
  const { store, api } = scriptedStore(tokens);
  const source = login.tokenSource({ store: api });
  const refreshed = await source();
  const fresh = { ...other.tokens, expiresAt: Date.now() + 3600_000 };
  store.current = fresh;
  expect(await source()).toBe(fresh.accessToken);
  expect(await source()).not.toBe(refreshed);
});

it("a store holding a newer set of the same login (refreshed elsewhere) is answered with it", async () => {
  const { login, tokens } = await expiredTokens();
  const { store, api } = scriptedStore(tokens);
  const source = login.tokenSource({ store: api });
  await source();
  const elsewhere = await login.refresh(store.written[0]!);
  store.current = elsewhere;
  expect(await source()).toBe(elsewhere.accessToken);
});

it.each([
  ["a string", "a-serialised-token-set"],
  ["an unparsed JSON row", JSON.stringify({ accessToken: "a", refreshToken: "r", expiresAt: 0 })],
  ["an object without an access token", { refreshToken: "r", expiresAt: 0 }],
  ["an expiry that is not a number", { accessToken: "a", refreshToken: "r", expiresAt: "soon" }],
  ["a refresh token that is not a string", { accessToken: "a", refreshToken: 7, expiresAt: 0 }],
])("a store whose get() gives %s: invalid_input naming it, nothing sent", async (_, value) => {
  const { login, counted } = await expiredTokens();
  const source = login.tokenSource({ store: scriptedStore(value).api });
  const error = (await rejectionOf(source())) as ConnectIdError;
  expect(error).toBeInstanceOf(ConnectIdError);
  expect(error.code).toBe("invalid_input");
  expect(error.issues?.[0]?.field).toBe("store.get()");
  expect(counted.token).toBe(0);
});

it("two sources on one store refreshing at once: the one that loses the rotation uses the winner's tokens", async () => {
  const { login, tokens, counted } = await expiredTokens();
  // A shared store (a session row): both sources read and write it.
  let current: TokenSet = tokens;
  const store: TokenStore = {
    get: () => current,
    set: (next) => {
      current = next;
    },
  };
  const first = login.tokenSource({ store });
  const second = login.tokenSource({ store });
  const [a, b] = await Promise.all([first(), second()]);
  expect(a).not.toBe(tokens.accessToken);
  expect(b).not.toBe(tokens.accessToken);
  // Both end with the tokens in the store, which work for the next refresh too.
  expect([a, b]).toContain(current.accessToken);
  await expect(login.refresh(current)).resolves.toHaveProperty("accessToken");
  expect(counted.token).toBeGreaterThanOrEqual(2);
});

it("re-reads the store before refreshing: a refresh that landed meanwhile is used, none sent", async () => {
  const { login, tokens, counted } = await expiredTokens();
  const landed = await login.refresh(tokens);
  counted.token = 0;
  // The first read sees the old set; by the second, another process has stored the new one.
  const answers: TokenSet[] = [tokens, landed];
  const store: TokenStore = { get: () => answers.shift() ?? landed, set: () => {} };
  const source = login.tokenSource({ store });
  expect(await source()).toBe(landed.accessToken);
  expect(counted.token).toBe(0);
});

it("refresh() forces a refresh of a token thought fresh (the API answered 401), and saves it", async () => {
  const { login, tokens, counted } = await expiredTokens();
  const fresh = { ...tokens, expiresAt: Date.now() + 3600_000 };
  const { store, api } = scriptedStore(fresh);
  const source = login.tokenSource({ store: api });
  expect(await source()).toBe(fresh.accessToken);
  expect(counted.token).toBe(0);
  const renewed = await source.refresh();
  expect(renewed).not.toBe(fresh.accessToken);
  expect(counted.token).toBe(1);
  expect(store.written.at(-1)?.accessToken).toBe(renewed);
  // Two forced refreshes at once still send one.
  counted.token = 0;
  store.current = store.written.at(-1);
  const [x, y] = await Promise.all([source.refresh(), source.refresh()]);
  expect(x).toBe(y);
  expect(counted.token).toBe(1);
});
