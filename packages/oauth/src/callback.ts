// The callback: where the customer comes back with a code, or with the
// provider's error. Checked before anything goes to the token endpoint.
import * as oauth from "oauth4webapi";
import { ConnectIdError, invalid, redact } from "./errors.js";

/** The callback as a URL; `undefined` when it is none of URL, URL string or Request. */
export function callbackUrl(callback: URL | string | Request): URL | undefined {
  try {
    if (callback instanceof URL) return callback;
    if (typeof callback == "string") return new URL(callback);
    if (typeof Request != "undefined" && callback instanceof Request) return new URL(callback.url);
  } catch {
    return undefined;
  }
  return undefined;
}

/** The callback's parameters once the state matched and no `error` came back. */
export function checkCallback(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  query: URLSearchParams,
  state: string,
  secrets: (string | undefined)[],
): URLSearchParams {
  // ConnectID does not document an issuer identifier, so an `iss` it may send
  // cannot be compared with anything; one login is configured per server, so
  // there is no other server to mix it up with (RFC 9207).
  const withoutIssuer = new URLSearchParams(query);
  withoutIssuer.delete("iss");
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, withoutIssuer, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      const denied = error.error === "access_denied";
      return providerSaid(denied ? "access_denied" : "provider_error", error, [
        ...secrets,
        ...query.getAll("code"),
      ]);
    }
    // oauth4webapi checks the state (and the issuer when sent) before anything else.
    throw new ConnectIdError(
      "state_mismatch",
      "The callback's state does not match the login that was started: start a new login",
    );
  }
  if (!params.get("code")) {
    throw invalid("invalid_input", "callback", [
      { field: "code", message: "is missing from the callback URL" },
    ]);
  }
  return params;
}

function providerSaid(
  code: "access_denied" | "provider_error",
  error: oauth.AuthorizationResponseError,
  secrets: (string | undefined)[],
): never {
  // The callback may carry a code next to the error; keep it out of the description.
  const description = error.error_description && redact(error.error_description, secrets);
  const oauthError = redact(error.error, secrets);
  const who =
    code === "access_denied" ? "The customer did not allow the login" : "The login server";
  throw new ConnectIdError(
    code,
    `${who} (${oauthError})` + (description ? `: ${description}` : ""),
    { oauthError, description },
  );
}
