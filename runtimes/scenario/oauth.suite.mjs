// @ts-check
// @connect-payment/oauth: start a login, build the authorization URL, and
// finish it against a real token endpoint, with the runtime's fetch and WebCrypto.
import { ConnectIdError, createConnectIdLogin, LOGIN_SERVERS } from "@connect-payment/oauth";
import { OAUTH, apiFor, assert, equal, received, rejection } from "./support.mjs";

const client = {
  clientId: OAUTH.clientId,
  clientSecret: OAUTH.clientSecret,
  redirectUri: OAUTH.redirectUri,
};

/**
 * base64url(SHA-256(verifier)), as PKCE's S256 asks, with this runtime's WebCrypto.
 * @param {string} verifier
 */
async function s256(verifier) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** @type {import("./support.mjs").Suite} */
export default {
  "startLogin: the authorization URL on the spec's login server, with state and PKCE": async () => {
    const { url, pending } = await createConnectIdLogin({
      ...client,
      environment: "test",
    }).startLogin();
    const parsed = new URL(url);
    equal(`${parsed.origin}${parsed.pathname}`, `${LOGIN_SERVERS.test}/oauth/authorize`, "target");
    const query = Object.fromEntries(parsed.searchParams);
    equal(
      [query.response_type, query.client_id, query.redirect_uri, query.scope],
      ["code", OAUTH.clientId, OAUTH.redirectUri, "read"],
      "parameters",
    );
    equal(query.state, pending.state, "state");
    assert(pending.codeVerifier, "no PKCE verifier");
    equal(query.code_challenge_method, "S256", "code_challenge_method");
    equal(query.code_challenge, await s256(pending.codeVerifier), "code_challenge");
    assert(!url.includes(OAUTH.clientSecret), "the client secret is in the URL");
  },

  "finishLogin: the code exchanged once at a real token endpoint, tokens back": async (env) => {
    const login = createConnectIdLogin({ ...client, loginServer: apiFor(env, "login") });
    const { pending } = await login.startLogin();
    const callback = `${OAUTH.redirectUri}?code=${OAUTH.code}&state=${pending.state}`;
    const before = Date.now();
    const tokens = await login.finishLogin(callback, pending);
    equal(tokens.accessToken, OAUTH.accessToken, "access token");
    assert(tokens.expiresAt >= before + 3_500_000, `expiresAt ${tokens.expiresAt}`);
    const seen = await received(env, "login");
    assert(seen.length > 0, "the token endpoint received nothing");
    equal(seen.at(-1)?.problems, [], "what the token endpoint received");
  },

  "finishLogin: a mismatched state is refused before anything is sent": async (env) => {
    const login = createConnectIdLogin({ ...client, loginServer: apiFor(env, "login") });
    const { pending } = await login.startLogin();
    const before = (await received(env, "login")).length;
    const error = await rejection(
      login.finishLogin(`${OAUTH.redirectUri}?code=${OAUTH.code}&state=forged`, pending),
    );
    assert(error instanceof ConnectIdError, `not a ConnectIdError: ${error}`);
    equal(error.code, "state_mismatch", "code");
    assert(!String(error.message).includes(OAUTH.code), "the code is in the message");
    equal((await received(env, "login")).length, before, "token requests");
  },
};
