// The sandbox's OAuth 2.0 login server: authorize, token, and the API's token check.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../http.js";
import { handleAuthorizeDecision, handleAuthorizePage } from "./authorize.js";
import { GrantStore } from "./grants.js";
import { oauthSettings, type SandboxOAuthOptions } from "./options.js";
import { handleToken } from "./token.js";

export const AUTHORIZE_PATH = "/oauth/authorize";
export const TOKEN_PATH = "/oauth/token";

export interface OAuthServer {
  /** Answers the request when it is for an OAuth path under the login base; `false` otherwise. */
  route(
    url: URL,
    loginBase: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean>;
  /** For the API: `undefined` when the token may be used, else why not. */
  rejectToken(token: string): string | undefined;
}

export function createOAuthServer(
  options: SandboxOAuthOptions | undefined,
  log: (line: string) => void,
): OAuthServer {
  const settings = oauthSettings(options);
  const grants = new GrantStore(
    {
      accessMs: settings.accessTtlMs,
      refreshMs: settings.refreshTtlMs,
      codeMs: settings.codeTtlMs,
    },
    settings.clock,
  );
  const context = { settings, grants, log };
  return {
    async route(url, loginBase, request, response) {
      const method = request.method ?? "GET";
      if (url.pathname === loginBase + AUTHORIZE_PATH) {
        if (method === "GET") handleAuthorizePage(url, response, context);
        else if (method === "POST") await handleAuthorizeDecision(request, response, context);
        else sendJson(response, 405, { error: "method_not_allowed" }, { allow: "GET, POST" });
        return true;
      }
      if (url.pathname === loginBase + TOKEN_PATH) {
        await handleToken(request, response, context);
        return true;
      }
      return false;
    },
    rejectToken(token) {
      if (!settings.requireIssuedTokens || grants.accessTokenValid(token)) return undefined;
      return "The access token is unknown or expired";
    },
  };
}

export { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS } from "./options.js";
export type { SandboxCustomer, SandboxOAuthClient, SandboxOAuthOptions } from "./options.js";
