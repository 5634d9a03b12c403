// createConnectIdLogin(): start a login, finish it from the callback, refresh.
// Every protocol step is oauth4webapi's; this file adds the ConnectID facts
// (URLs from the spec, the assumed defaults) and errors that hold no secret.
import * as oauth from "oauth4webapi";
import { startedLogin, type PendingLogin, type StartedLogin } from "./authorize.js";
import { callbackQuery, checkCallback, type CallbackInput } from "./callback.js";
import { basicCredentials, ConnectIdError, invalid, type ConnectIdIssue } from "./errors.js";
import { unknownOptions } from "./known-options.js";
import { settingsFrom, type ConnectIdLoginOptions } from "./options.js";
import { serverName, serverResolver } from "./server.js";
import { createTokenSource, type TokenSource, type TokenSourceOptions } from "./token-source.js";
import { tokenRequester } from "./token-request.js";
import { tokenSetFrom, type TokenSet } from "./tokens.js";

export type { PendingLogin, StartedLogin } from "./authorize.js";

/** What {@link ConnectIdLogin.finishLogin} takes besides the callback. */
export interface FinishLoginOptions {
  /**
   * Your site's public origin, e.g. `https://shop.example`. When set, only the
   * path and query of the callback count, so Node's `req.url` can be passed
   * as it is (the same rule as `verifyPaymentReturn`).
   */
  expectedOrigin?: string;
}

/** The login flow of one ConnectID client, configured once. */
export interface ConnectIdLogin {
  /** The login server in use: the base URL, else the issuer, else the token endpoint's origin. */
  readonly loginServer: string;
  /** Builds the authorization URL and the state (and PKCE verifier) to keep until the callback. */
  startLogin(options?: { scope?: string }): Promise<StartedLogin>;
  /**
   * Finishes a login from the callback: the URL, the `Request`, its query, or
   * its path with `expectedOrigin`. Checks the state (and the issuer, when
   * known), turns the provider's `error` into a typed error, exchanges the code.
   */
  finishLogin(
    callback: CallbackInput,
    pending: PendingLogin,
    options?: FinishLoginOptions,
  ): Promise<TokenSet>;
  /** Gets a new access token with the refresh token; keeps the old refresh token when none comes back. */
  refresh(tokens: TokenSet | string): Promise<TokenSet>;
  /**
   * A function to pass as the client's `accessToken`: follows the store,
   * refreshes shortly before expiry, one refresh at a time; `.refresh()` forces one.
   */
  tokenSource(options: TokenSourceOptions): TokenSource;
}

/**
 * Configures the login flow once. Throws `invalid_config` at once, naming
 * every bad (or unknown) option.
 *
 * @param options - `environment` (or `loginServer`, or the endpoints), `clientId`, `clientSecret` and `redirectUri` are required
 *
 * @example
 * ```ts
 * import { createConnectClient } from "@connect-payment/client";
 * import { createConnectIdLogin, memoryTokenStore } from "@connect-payment/oauth";
 *
 * const login = createConnectIdLogin({
 *   environment: "test",
 *   clientId: process.env.CONNECTID_CLIENT_ID!,
 *   clientSecret: process.env.CONNECTID_CLIENT_SECRET!,
 *   redirectUri: "https://shop.example/login/callback",
 * });
 *
 * // GET /login: keep `pending` in the customer's session, send the browser to `url`.
 * const { url, pending } = await login.startLogin();
 *
 * // GET /login/callback (`req.url` is a path, hence `expectedOrigin`).
 * declare const reqUrl: string;
 * const tokens = await login.finishLogin(reqUrl, pending, {
 *   expectedOrigin: "https://shop.example",
 * });
 *
 * // Every call for this customer then takes a fresh token from the store.
 * const client = createConnectClient({
 *   environment: "test",
 *   accessToken: login.tokenSource({ store: memoryTokenStore(tokens) }),
 * });
 * ```
 */
export function createConnectIdLogin(options: ConnectIdLoginOptions): ConnectIdLogin {
  const settings = settingsFrom(options);
  const server = serverResolver(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const clientAuth =
    settings.clientAuthentication === "client_secret_post"
      ? oauth.ClientSecretPost(settings.clientSecret)
      : oauth.ClientSecretBasic(settings.clientSecret);
  const alwaysSecret = [
    settings.clientSecret,
    ...basicCredentials(settings.clientId, settings.clientSecret),
  ];

  const tokenRequest = tokenRequester(settings, server, alwaysSecret);

  const login: ConnectIdLogin = {
    loginServer: serverName(settings),

    async startLogin(startOptions = {}) {
      const scope = startOptions?.scope ?? settings.scope;
      const issues = unknownOptions(startOptions, ["scope"], "startLogin");
      if (typeof scope != "string" || !scope.trim()) {
        issues.push({ field: "scope", message: "must be a non-empty string" });
      }
      if (issues.length) throw invalid("invalid_input", "startLogin options", issues);
      return startedLogin((await server()).authorization_endpoint as string, settings, scope);
    },

    async finishLogin(callback, pending, finishOptions = {}) {
      const query = callbackQuery(callback, finishOptions?.expectedOrigin);
      const issues = [
        ...unknownOptions(finishOptions, ["expectedOrigin"], "finishLogin"),
        ...(query instanceof URLSearchParams ? [] : [query]),
        ...pendingIssues(pending, settings.pkce),
      ];
      if (issues.length || !(query instanceof URLSearchParams)) {
        throw invalid("invalid_input", "finishLogin arguments", issues);
      }
      const as = await server();
      const params = checkCallback(
        as,
        client,
        query,
        { state: pending.state, issuer: settings.issuer },
        [...alwaysSecret, pending.codeVerifier],
      );
      const code = params.get("code") ?? undefined;
      const tokenResponse = await tokenRequest(
        (as, requestOptions) =>
          oauth.authorizationCodeGrantRequest(
            as,
            client,
            clientAuth,
            params,
            settings.redirectUri,
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked only to stand out; `pkce: false` asks for it
            settings.pkce ? (pending.codeVerifier as string) : oauth.nopkce,
            requestOptions,
          ),
        (as, response) => oauth.processAuthorizationCodeResponse(as, client, response),
        [code, pending.codeVerifier],
      );
      return tokenSetFrom(tokenResponse);
    },

    async refresh(tokens) {
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
      return tokenSetFrom(
        tokenResponse,
        previous ?? { accessToken: "", expiresAt: 0, refreshToken },
      );
    },

    tokenSource(sourceOptions) {
      const issues = unknownOptions(sourceOptions, ["store"], "tokenSource");
      if (issues.length) throw invalid("invalid_input", "tokenSource options", issues);
      // eslint-disable-next-line @typescript-eslint/unbound-method -- `refresh` above never reads `this`
      return createTokenSource(sourceOptions, login.refresh, settings.refreshBeforeExpiryMs);
    },
  };
  return login;
}

/** Why the pending login cannot be the one startLogin gave. */
function pendingIssues(pending: PendingLogin, pkce: boolean): ConnectIdIssue[] {
  const issues: ConnectIdIssue[] = [];
  if (typeof pending?.state != "string" || !pending.state) {
    issues.push({ field: "pending.state", message: "must be the state startLogin gave" });
  }
  if (pkce && (typeof pending?.codeVerifier != "string" || !pending.codeVerifier)) {
    issues.push({ field: "pending.codeVerifier", message: "must be the verifier startLogin gave" });
  }
  return issues;
}
