// The callback: where the customer comes back with a code, or with the
// provider's error. Checked before anything goes to the token endpoint.
import { checkedUrl, inputText, receivedUrl } from "@connect-payment/internal";
import * as oauth from "oauth4webapi";
import { ConnectIdError, invalid, redact, type ConnectIdIssue } from "./errors.js";

/** What a callback can be read from: a URL, a URL or path string, its query, or a fetch `Request`. */
export type CallbackInput = URL | string | URLSearchParams | Request;

/**
 * The callback's query, or the issue that makes it unreadable. With
 * `expectedOrigin`, only the path and query of the input count (as in
 * `verifyPaymentReturn`), so Node's `req.url` can be passed as it is.
 */
export function callbackQuery(
  input: unknown,
  expectedOrigin: unknown,
): URLSearchParams | ConnectIdIssue {
  if (input instanceof URLSearchParams) return new URLSearchParams(input);
  const text = inputText(input) ?? "";
  let origin: string | undefined;
  if (expectedOrigin !== undefined) {
    const url = checkedUrl(expectedOrigin, { query: true, fragment: true });
    if (typeof url == "string") {
      return { field: "expectedOrigin", message: "must be an origin such as https://shop.example" };
    }
    origin = url.origin;
  }
  const received = receivedUrl(text, origin);
  if (received) return received.searchParams;
  return {
    field: "callback",
    message:
      "must be a URL, a Request, the query, or a path with expectedOrigin (as Node's req.url)",
  };
}

/** Parameters a callback may carry once only: two values mean a tampered or confused URL. */
const SINGLE = ["code", "state", "iss", "error"] as const;

/** The callback's parameters once the state (and a known issuer) matched and no `error` came back. */
export function checkCallback(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  query: URLSearchParams,
  expected: { state: string; issuer: string | undefined },
  secrets: (string | undefined)[],
): URLSearchParams {
  const twice = SINGLE.filter((name) => query.getAll(name).length > 1);
  if (twice.length) {
    throw invalid(
      "invalid_input",
      "callback",
      twice.map((field) => ({ field, message: "must appear once in the callback URL" })),
    );
  }
  const received = new URLSearchParams(query);
  checkIssuer(received, expected.issuer, as);
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, received, expected.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      const denied = error.error === "access_denied";
      return providerSaid(denied ? "access_denied" : "provider_error", error, [
        ...secrets,
        ...query.getAll("code"),
      ]);
    }
    // The issuer was checked above; what oauth4webapi refuses here is the state.
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

/**
 * RFC 9207: with the issuer known, a callback naming another server is a
 * mix-up and refused. Without it (ConnectID documents none) an `iss` cannot
 * be compared with anything and is dropped, so it is not compared with a guess.
 */
function checkIssuer(
  received: URLSearchParams,
  issuer: string | undefined,
  as: oauth.AuthorizationServer,
): void {
  const iss = received.get("iss");
  if (issuer === undefined) {
    received.delete("iss");
    return;
  }
  if (iss === null ? as.authorization_response_iss_parameter_supported === true : iss !== issuer) {
    const named = iss === null ? "no issuer" : `"${iss.slice(0, 200)}"`;
    throw new ConnectIdError(
      "issuer_mismatch",
      `The callback names ${named}, not the login server's issuer "${issuer}": start a new login`,
    );
  }
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
