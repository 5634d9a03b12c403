// The merchant's own token (OAuth 2.0 client credentials, RFC 6749 section
// 4.4): no customer, no browser, no refresh token. The token is kept until
// shortly before it expires, and at most one request for a new one is in flight.
import * as oauth from "oauth4webapi";
import { issueList } from "@connect-payment/internal";
import { invalid } from "./errors.js";
import { unknownOptions } from "./known-options.js";
import { CLIENT_OPTION_NAMES, clientSettings, type ServerOptions } from "./options.js";
import { serverResolver } from "./server.js";
import type { TokenSource } from "./token-source.js";
import { clientIdentity, tokenRequester } from "./token-request.js";
import { tokenSetFrom, type TokenSet } from "./tokens.js";

/**
 * What {@link createClientCredentialsSource} takes: the login's options
 * without `redirectUri` and `pkce`. The provider documents neither the scope
 * nor the client authentication of this grant: the login's defaults are
 * assumed (the spec's `read`, `client_secret_basic`), and both are options.
 */
export type ClientCredentialsOptions = ServerOptions;

/**
 * Creates the merchant's own token source, for the API's client mode (the
 * back office, where no customer is logged in). Pass it as the client's
 * `accessToken`. Throws `invalid_config` at once, naming every bad option.
 *
 * @param options - `environment` (or `loginServer`, or `tokenEndpoint`), `clientId` and `clientSecret` are required
 *
 * @example
 * ```ts
 * import { createConnectClient } from "@connect-payment/client";
 * import { createClientCredentialsSource } from "@connect-payment/oauth";
 *
 * const backOffice = createConnectClient({
 *   accessToken: createClientCredentialsSource({
 *     environment: "test",
 *     clientId: "no.mediaconnect.test",
 *     clientSecret: process.env.CONNECTID_CLIENT_SECRET!,
 *   }),
 * });
 * ```
 */
export function createClientCredentialsSource(options: ClientCredentialsOptions): TokenSource {
  const given = (options ?? {}) as Partial<ClientCredentialsOptions>;
  const list = issueList();
  const { issues } = list;
  const settings = clientSettings(given, list, false);
  issues.push(...unknownOptions(given, CLIENT_OPTION_NAMES, "createClientCredentialsSource"));
  if (issues.length) throw invalid("invalid_config", "client credentials options", issues);

  const { client, clientAuth, alwaysSecret } = clientIdentity(settings);
  const tokenRequest = tokenRequester(settings, serverResolver(settings, false), alwaysSecret);
  const parameters = { scope: settings.scope };
  let cached: TokenSet | undefined;
  let inflight: Promise<TokenSet> | undefined;

  const requestToken = async () =>
    tokenSetFrom(
      await tokenRequest(
        (as, requestOptions) =>
          oauth.clientCredentialsGrantRequest(as, client, clientAuth, parameters, requestOptions),
        (as, response) => oauth.processClientCredentialsResponse(as, client, response),
        [],
      ),
    );
  const renew = () => {
    inflight ??= requestToken()
      .then((tokens) => (cached = tokens))
      .finally(() => {
        // A failed request is not kept: the next call asks again.
        inflight = undefined;
      });
    return inflight;
  };
  const fresh = (tokens: TokenSet | undefined): tokens is TokenSet =>
    !!tokens && tokens.expiresAt - settings.refreshBeforeExpiryMs > Date.now();

  const accessToken = async () => (fresh(cached) ? cached : await renew()).accessToken;
  return Object.assign(accessToken, {
    // The API refused the cached token: drop it, and share a request already in flight.
    refresh: async () => {
      cached = undefined;
      return (await renew()).accessToken;
    },
  });
}
