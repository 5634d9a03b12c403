// refresh(): a new access token for the refresh token (RFC 6749 section 6).
import * as oauth from "oauth4webapi";
import { ConnectIdError } from "./errors.js";
import type { LoginContext } from "./login-context.js";
import { tokenSetFrom, type TokenSet } from "./tokens.js";

/** `refresh` of one login flow; keeps the old refresh token when none comes back. */
export function refreshWith({ client, clientAuth, tokenRequest }: LoginContext) {
  return async (tokens: TokenSet | string): Promise<TokenSet> => {
    const previous = typeof tokens == "string" ? undefined : tokens;
    const refreshToken = typeof tokens == "string" ? tokens : tokens?.refreshToken;
    if (typeof refreshToken != "string" || !refreshToken) {
      throw new ConnectIdError(
        "login_required",
        "There is no refresh token: the customer must log in again",
      );
    }
    const tokenResponse = await tokenRequest(
      (as, requestOptions) =>
        oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, requestOptions),
      (as, response) => oauth.processRefreshTokenResponse(as, client, response),
      [refreshToken, previous?.accessToken],
    );
    return tokenSetFrom(tokenResponse, previous ?? { accessToken: "", expiresAt: 0, refreshToken });
  };
}
