// createConnectIdLogin(): start a login, finish it from the callback, refresh.
// Every protocol step is oauth4webapi's; this file adds the ConnectID facts
// (URLs from the spec, the assumed defaults) and errors that hold no secret.
import { startedLogin, type PendingLogin, type StartedLogin } from "./authorize.js";
import type { CallbackInput } from "./callback.js";
import { invalid } from "./errors.js";
import { finishLoginWith, type FinishLoginOptions } from "./finish-login.js";
import { unknownOptions } from "./known-options.js";
import { loginContext } from "./login-context.js";
import { settingsFrom, type ConnectIdLoginOptions } from "./options.js";
import { refreshWith } from "./refresh-grant.js";
import { serverName } from "./server.js";
import { createTokenSource, type TokenSource, type TokenSourceOptions } from "./token-source.js";
import type { TokenSet } from "./tokens.js";

export type { PendingLogin, StartedLogin } from "./authorize.js";
export type { FinishLoginOptions } from "./finish-login.js";

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
  const context = loginContext(settings);
  const { server } = context;

  const login: ConnectIdLogin = {
    loginServer: serverName(settings),

    async startLogin(startOptions = {}) {
      // A scope given as null is a mistake, not "the configured scope": only an absent one is.
      const given = (Object(startOptions) as { scope?: unknown }).scope;
      const scope = given === undefined ? settings.scope : given;
      const issues = unknownOptions(startOptions, ["scope"], "startLogin");
      // null is no options, as undefined is; a string or an array is a mistake.
      if (typeof startOptions != "object" || Array.isArray(startOptions)) {
        issues.push({ field: "options", message: "must be an object, e.g. { scope }" });
      }
      if (typeof scope != "string" || !scope.trim()) {
        issues.push({ field: "scope", message: "must be a non-empty string" });
      }
      if (issues.length) throw invalid("invalid_input", "startLogin options", issues);
      return startedLogin(
        (await server()).authorization_endpoint as string,
        settings,
        scope as string,
      );
    },

    finishLogin: finishLoginWith(context),
    refresh: refreshWith(context),

    tokenSource(sourceOptions) {
      const issues = unknownOptions(sourceOptions, ["store"], "tokenSource");
      if (issues.length) throw invalid("invalid_input", "tokenSource options", issues);
      // eslint-disable-next-line @typescript-eslint/unbound-method -- `refresh` above never reads `this`
      return createTokenSource(sourceOptions, login.refresh, settings.refreshBeforeExpiryMs);
    },
  };
  return login;
}
