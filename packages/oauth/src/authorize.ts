// The authorization URL of a new login, and what to keep until its callback.
import * as oauth from "oauth4webapi";
import type { Settings } from "./options.js";

/**
 * What the caller keeps between `startLogin` and
 * `finishLogin`, server-side (e.g. in the session):
 * the verifier is a secret.
 */
export interface PendingLogin {
  /** Sent to the login server and checked when the customer comes back. */
  state: string;
  /** The PKCE verifier; absent when `pkce` is `false`. */
  codeVerifier?: string;
}

/** What `startLogin` gives. */
export interface StartedLogin {
  /** Send the customer's browser here (a 303 redirect). */
  url: string;
  /** Keep this until the callback; pass it to `finishLogin`. */
  pending: PendingLogin;
}

/** A fresh state (and PKCE verifier), and the authorization endpoint with the request's parameters. */
export async function startedLogin(
  endpoint: string,
  settings: Settings,
  scope: string,
): Promise<StartedLogin> {
  const url = new URL(endpoint);
  const state = oauth.generateRandomState();
  // Set one by one, so a query the endpoint URL carries is kept (RFC 6749 section 3.1).
  for (const [name, value] of Object.entries({
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope,
    state,
  })) {
    url.searchParams.set(name, value);
  }
  const pending: PendingLogin = { state };
  if (settings.pkce) {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set("code_challenge_method", "S256");
    pending.codeVerifier = codeVerifier;
  }
  return { url: url.href, pending };
}
