// The token set this package hands out, built from a token endpoint response.
import type { TokenEndpointResponse } from "oauth4webapi";

/** What a login or a refresh gives: keep it server-side (session or database), never in the browser. */
export interface TokenSet {
  /** Send as `Authorization: Bearer <accessToken>`; pass a {@link TokenSource} to the client instead of this. */
  accessToken: string;
  /** Gets a new access token without the customer; absent when the login server gave none. */
  refreshToken?: string;
  /** When the access token expires, in milliseconds since the epoch. */
  expiresAt: number;
  /** The scopes granted, when the login server said. */
  scope?: string;
}

/**
 * The provider documents 12 hours as the default access token lifetime; used
 * only when a token response carries no `expires_in`.
 */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function tokenSetFrom(response: TokenEndpointResponse, previous?: TokenSet): TokenSet {
  const lifetimeMs =
    response.expires_in === undefined
      ? DEFAULT_ACCESS_TOKEN_LIFETIME_MS
      : response.expires_in * 1000;
  const tokens: TokenSet = {
    accessToken: response.access_token,
    expiresAt: Date.now() + lifetimeMs,
  };
  // A refresh response without a refresh token means "keep using the one you have" (RFC 6749 section 6).
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  if (refreshToken) tokens.refreshToken = refreshToken;
  const scope = response.scope ?? previous?.scope;
  if (scope) tokens.scope = scope;
  return tokens;
}
