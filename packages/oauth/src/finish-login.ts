// finishLogin(): the callback checked, then the code exchanged for tokens.
import * as oauth from "oauth4webapi";
import type { PendingLogin } from "./authorize.js";
import { callbackQuery, checkCallback, type CallbackInput } from "./callback.js";
import { invalid, type ConnectIdIssue } from "./errors.js";
import { unknownOptions } from "./known-options.js";
import type { LoginContext } from "./login-context.js";
import { tokenSetFrom, type TokenSet } from "./tokens.js";

/** What {@link ConnectIdLogin.finishLogin} takes besides the callback. */
export interface FinishLoginOptions {
  /**
   * Your site's public origin, e.g. `https://shop.example`. When set, only the
   * path and query of the callback count, so Node's `req.url` can be passed
   * as it is (the same rule as `verifyPaymentReturn`).
   */
  expectedOrigin?: string;
}

/** `finishLogin` of one login flow. */
export function finishLoginWith({
  settings,
  server,
  client,
  clientAuth,
  alwaysSecret,
  tokenRequest,
}: LoginContext) {
  return async (
    callback: CallbackInput,
    pending: PendingLogin,
    finishOptions: FinishLoginOptions = {},
  ): Promise<TokenSet> => {
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
  };
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
