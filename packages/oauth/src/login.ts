// createConnectIdLogin(): start a login, finish it from the callback, refresh.
// Every protocol step is oauth4webapi's; this file adds the ConnectID facts
// (URLs from the spec, the assumed defaults) and errors that hold no secret.
import * as oauth from "oauth4webapi";
import { checkCallback, callbackUrl } from "./callback.js";
import { ConnectIdError, invalid, type ConnectIdIssue } from "./errors.js";
import { AUTHORIZE_PATH, TOKEN_PATH } from "./generated/spec.js";
import { fromTokenEndpoint } from "./oauth-errors.js";
import { settingsFrom, type ConnectIdLoginOptions, type Settings } from "./options.js";
import { createTokenSource, type TokenSource, type TokenSourceOptions } from "./token-source.js";
import { tokenSetFrom, type TokenSet } from "./tokens.js";

/**
 * What the caller keeps between {@link ConnectIdLogin.startLogin} and
 * {@link ConnectIdLogin.finishLogin}, server-side (e.g. in the session):
 * the verifier is a secret.
 */
export interface PendingLogin {
  /** Sent to the login server and checked when the customer comes back. */
  state: string;
  /** The PKCE verifier; absent when `pkce` is `false`. */
  codeVerifier?: string;
}

/** What {@link ConnectIdLogin.startLogin} gives. */
export interface StartedLogin {
  /** Send the customer's browser here (a 303 redirect). */
  url: string;
  /** Keep this until the callback; pass it to {@link ConnectIdLogin.finishLogin}. */
  pending: PendingLogin;
}

/** The login flow of one ConnectID client, configured once. */
export interface ConnectIdLogin {
  /** The login server base URL in use, e.g. `https://connectid.no/user`. */
  readonly loginServer: string;
  /** Builds the authorization URL and the state (and PKCE verifier) to keep until the callback. */
  startLogin(options?: { scope?: string }): Promise<StartedLogin>;
  /**
   * Finishes a login from the callback URL (or the callback `Request`): checks
   * the state, turns the provider's `error` into a typed error, exchanges the
   * code for tokens.
   */
  finishLogin(callback: URL | string | Request, pending: PendingLogin): Promise<TokenSet>;
  /** Gets a new access token with the refresh token; keeps the old refresh token when none comes back. */
  refresh(tokens: TokenSet | string): Promise<TokenSet>;
  /** A function to pass as the client's `accessToken`: refreshes shortly before expiry, one refresh at a time. */
  tokenSource(options: TokenSourceOptions): TokenSource;
}

/**
 * Configures the login flow once. Throws `invalid_config` at once, naming
 * every bad option.
 *
 * @param options - `environment` (or `loginServer`), `clientId`, `clientSecret` and `redirectUri` are required
 */
export function createConnectIdLogin(options: ConnectIdLoginOptions): ConnectIdLogin {
  const settings = settingsFrom(options);
  const as: oauth.AuthorizationServer = {
    issuer: settings.loginServer,
    authorization_endpoint: settings.loginServer + AUTHORIZE_PATH,
    token_endpoint: settings.loginServer + TOKEN_PATH,
  };
  const client: oauth.Client = { client_id: settings.clientId };
  const clientAuth =
    settings.clientAuthentication === "client_secret_post"
      ? oauth.ClientSecretPost(settings.clientSecret)
      : oauth.ClientSecretBasic(settings.clientSecret);

  /** Runs one token endpoint request and its processing under the timeout, errors made safe. */
  async function tokenRequest(
    send: (options: oauth.TokenEndpointRequestOptions) => Promise<Response>,
    process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
    secrets: (string | undefined)[],
  ): Promise<oauth.TokenEndpointResponse> {
    const signal = AbortSignal.timeout(settings.timeoutMs);
    try {
      const response = await send(requestOptions(settings, signal));
      return await process(response);
    } catch (error) {
      throw await fromTokenEndpoint(error, [settings.clientSecret, ...secrets], signal.aborted);
    }
  }

  const login: ConnectIdLogin = {
    loginServer: settings.loginServer,

    async startLogin(startOptions = {}) {
      const scope = startOptions.scope ?? settings.scope;
      if (typeof scope != "string" || !scope.trim()) {
        throw invalid("invalid_input", "startLogin options", [
          { field: "scope", message: "must be a non-empty string" },
        ]);
      }
      const url = new URL(as.authorization_endpoint as string);
      const state = oauth.generateRandomState();
      url.search = new URLSearchParams({
        response_type: "code",
        client_id: settings.clientId,
        redirect_uri: settings.redirectUri,
        scope,
        state,
      }).toString();
      const pending: PendingLogin = { state };
      if (settings.pkce) {
        const codeVerifier = oauth.generateRandomCodeVerifier();
        url.searchParams.set(
          "code_challenge",
          await oauth.calculatePKCECodeChallenge(codeVerifier),
        );
        url.searchParams.set("code_challenge_method", "S256");
        pending.codeVerifier = codeVerifier;
      }
      return { url: url.href, pending };
    },

    async finishLogin(callback, pending) {
      const issues: ConnectIdIssue[] = [];
      const url = callbackUrl(callback);
      if (!url)
        issues.push({ field: "callback", message: "must be a URL, a URL string or a Request" });
      if (typeof pending?.state != "string" || !pending.state) {
        issues.push({ field: "pending.state", message: "must be the state startLogin gave" });
      }
      if (settings.pkce && (typeof pending?.codeVerifier != "string" || !pending.codeVerifier)) {
        issues.push({
          field: "pending.codeVerifier",
          message: "must be the verifier startLogin gave",
        });
      }
      if (issues.length || !url) throw invalid("invalid_input", "finishLogin arguments", issues);

      const params = checkCallback(as, client, url.searchParams, pending.state, [
        settings.clientSecret,
        pending.codeVerifier,
      ]);
      const code = params.get("code") ?? undefined;
      const tokenResponse = await tokenRequest(
        (requestOptions) =>
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
        (response) => oauth.processAuthorizationCodeResponse(as, client, response),
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
        (requestOptions) =>
          oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, requestOptions),
        (response) => oauth.processRefreshTokenResponse(as, client, response),
        [refreshToken, previous?.accessToken],
      );
      return tokenSetFrom(
        tokenResponse,
        previous ?? { accessToken: "", expiresAt: 0, refreshToken },
      );
    },

    tokenSource(sourceOptions) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- `refresh` above never reads `this`
      return createTokenSource(sourceOptions, login.refresh, settings.refreshBeforeExpiryMs);
    },
  };
  return login;
}

function requestOptions(
  settings: Settings,
  signal: AbortSignal,
): oauth.TokenEndpointRequestOptions {
  const options: oauth.TokenEndpointRequestOptions = {
    signal,
    // Called unbound: browsers and workerd throw "Illegal invocation" when
    // fetch runs with another `this` (here it would be `settings`).
    [oauth.customFetch]: (url, init) => {
      const send = settings.fetch;
      return send(url, init);
    },
  };
  // Plain http is allowed only for a loopback login server (the sandbox); the options check made sure.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked only to stand out; loopback only, as checked
  if (settings.insecure) options[oauth.allowInsecureRequests] = true;
  return options;
}
