// The token set this package hands out, built from a token endpoint response.
import type { TokenEndpointResponse } from "oauth4webapi";
import { invalid } from "./errors.js";

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

/**
 * What a store's `get()` gave, checked: a token set, or `undefined` for none.
 * Anything else (a string, an unparsed row) would otherwise end up posted to
 * the token endpoint, so it is refused before anything is sent.
 */
export function storedTokens(value: unknown): TokenSet | undefined {
  if (value === undefined || value === null) return undefined;
  const tokens = value as Partial<Record<keyof TokenSet, unknown>>;
  const optionalString = (field: unknown) => field === undefined || typeof field == "string";
  if (
    typeof value != "object" ||
    typeof tokens.accessToken != "string" ||
    !tokens.accessToken ||
    typeof tokens.expiresAt != "number" ||
    Number.isNaN(tokens.expiresAt) ||
    !optionalString(tokens.refreshToken) ||
    !optionalString(tokens.scope)
  ) {
    throw invalid("invalid_input", "token store", [
      {
        field: "store.get()",
        message:
          "must give a token set ({ accessToken, expiresAt, refreshToken?, scope? }) or undefined",
      },
    ]);
  }
  return value as TokenSet;
}
