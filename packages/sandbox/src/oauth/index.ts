// The sandbox's OAuth 2.0 login server: authorize, token, and the API's token check.
import type { IncomingMessage, ServerResponse } from "node:http";
import { SandboxControlError } from "../control-error.js";
import { sendJson } from "../http.js";
import type { TokenCheck } from "../router.js";
import { handleAuthorizeDecision, handleAuthorizePage } from "./authorize.js";
import { OAUTH_FACTS } from "./context.js";
import { GrantStore, type IssuedClientToken, type IssuedTokens } from "./grants.js";
import { oauthSettings, SANDBOX_CUSTOMERS, type SandboxOAuthOptions } from "./options.js";
import { handleToken } from "./token.js";

export interface OAuthServer {
  /** Answers the request when it is for an OAuth path under the login base; `false` otherwise. */
  route(
    url: URL,
    loginBase: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean>;
  /** For the API: the customer a token was issued to, or why it may not be used. */
  checkToken: TokenCheck;
  /**
   * Signs a test customer in without a browser: the token response the token
   * endpoint gives after a login. Throws `SandboxControlError` for an unknown
   * customer or client.
   */
  signIn(request?: SignInRequest): SignedIn;
  /**
   * The client's own token, as the client credentials grant gives it, without
   * a request. Throws `SandboxControlError` for an unknown client.
   */
  clientToken(clientId?: string): { tokens: IssuedClientToken; expiresAt: number };
}

/** Who signs in, and for which client. */
export interface SignInRequest {
  /** A test customer's id (`SANDBOX_CUSTOMERS`); default `"kari"`. */
  customer?: string;
  /** A client the login server knows; default the first one (`DEFAULT_OAUTH_CLIENT`). */
  clientId?: string;
}

/** The token endpoint's response, and when its access token expires by the login server's clock. */
export interface SignedIn {
  tokens: IssuedTokens;
  expiresAt: number;
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
    settings.refreshTokenReuseDetection,
  );
  const context = { settings, grants, log };
  const knownClient = (clientId: string | undefined) => {
    const chosen = clientId ?? [...settings.clients.keys()][0];
    if (chosen === undefined || !settings.clients.has(chosen)) {
      throw new SandboxControlError("clientId must be a client this login server knows");
    }
    return chosen;
  };
  return {
    async route(url, loginBase, request, response) {
      const method = request.method ?? "GET";
      if (url.pathname === loginBase + OAUTH_FACTS.authorizePath) {
        if (method === "GET") handleAuthorizePage(url, response, context);
        else if (method === "POST") await handleAuthorizeDecision(request, response, context);
        else sendJson(response, 405, { error: "method_not_allowed" }, { allow: "GET, POST" });
        return true;
      }
      if (url.pathname === loginBase + OAUTH_FACTS.tokenPath) {
        await handleToken(request, response, context);
        return true;
      }
      return false;
    },
    signIn(request = {}) {
      const customer = request.customer ?? SANDBOX_CUSTOMERS[0]!.id;
      if (!SANDBOX_CUSTOMERS.some(({ id }) => id === customer)) {
        const known = SANDBOX_CUSTOMERS.map(({ id }) => id).join(", ");
        throw new SandboxControlError(`customer must be one of ${known}`);
      }
      const clientId = knownClient(request.clientId);
      const scope = OAUTH_FACTS.scopes.join(" ");
      const tokens = grants.signIn({ clientId, customerId: customer, scope });
      log(`sign-in: ${customer} signed in without a browser (control)`);
      return { tokens, expiresAt: settings.clock() + tokens.expires_in * 1000 };
    },
    clientToken(clientId) {
      const client = knownClient(clientId);
      const tokens = grants.issueClientToken(client, OAUTH_FACTS.scopes.join(" "));
      log(`client token: ${client} (control)`);
      return { tokens, expiresAt: settings.clock() + tokens.expires_in * 1000 };
    },
    checkToken(token) {
      const holder = grants.holderOf(token);
      if (holder !== undefined) return holder;
      if (!settings.requireIssuedTokens) return {};
      return { rejected: "The access token is unknown or expired" };
    },
  };
}

export { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS } from "./options.js";
export type { SandboxCustomer, SandboxOAuthClient, SandboxOAuthOptions } from "./options.js";
export type { IssuedClientToken, IssuedTokens } from "./grants.js";
