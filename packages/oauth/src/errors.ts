import { assignDefined, invalidMessage } from "@connect-payment/internal";

/**
 * What went wrong, as one value to branch on. The package README has a row
 * for each: when it happens and what to do.
 */
export type ConnectIdErrorCode =
  | "invalid_config"
  | "invalid_input"
  | "state_mismatch"
  | "issuer_mismatch"
  | "access_denied"
  | "login_required"
  | "invalid_grant"
  | "provider_error"
  | "network"
  | "timeout"
  | "store_unavailable";

/** One broken option or argument, and the rule it breaks. */
export interface ConnectIdIssue {
  /** The option's or argument's name, e.g. `"redirectUri"`. */
  field: string;
  /** The rule it breaks, e.g. `"must be an https URL (http only on loopback)"`. */
  message: string;
}

/** The optional facts a {@link ConnectIdError} carries; only the ones that apply are set. */
export interface ConnectIdErrorDetails {
  /** Every broken option or argument, for `invalid_config` and `invalid_input`. */
  issues?: ConnectIdIssue[] | undefined;
  /** The OAuth `error` the login server sent (RFC 6749), e.g. `"invalid_client"`. */
  oauthError?: string | undefined;
  /** The login server's `error_description`, with every known secret replaced by `[redacted]`. */
  description?: string | undefined;
  /** The HTTP status of the token endpoint's response, when it answered. */
  status?: number | undefined;
}

/**
 * The one error class this package throws. It never holds the client secret,
 * an authorization code, a PKCE verifier or a token, and never keeps the
 * underlying library's error (which can hold the callback's parameters), so
 * it is safe to log as a whole.
 */
export class ConnectIdError extends Error {
  /** What went wrong; see {@link ConnectIdErrorCode}. */
  readonly code: ConnectIdErrorCode;
  /** Every broken option or argument, for `invalid_config` and `invalid_input`. */
  declare readonly issues?: ConnectIdIssue[];
  /** The OAuth `error` the login server sent (RFC 6749), e.g. `"invalid_client"`. */
  declare readonly oauthError?: string;
  /** The login server's `error_description`, with every known secret replaced by `[redacted]`. */
  declare readonly description?: string;
  /** The HTTP status of the token endpoint's response, when it answered. */
  declare readonly status?: number;

  /**
   * @param code - what went wrong
   * @param message - for people; names the broken options or the provider's error
   * @param details - the facts that apply
   */
  constructor(code: ConnectIdErrorCode, message: string, details: ConnectIdErrorDetails = {}) {
    super(message);
    this.name = "ConnectIdError";
    this.code = code;
    assignDefined(this, details);
  }
}

/** `invalid_config` or `invalid_input`, with a message naming every broken field and its rule. */
export function invalid(
  code: "invalid_config" | "invalid_input",
  what: string,
  issues: ConnectIdIssue[],
): ConnectIdError {
  return new ConnectIdError(code, invalidMessage(what, issues), { issues });
}

/**
 * The ways a secret can appear in an echo of a request: as is, form- or
 * percent-encoded (as it travels in a token request), and each of those
 * JSON-escaped (with `/` as `\/` too, as some servers write it).
 */
export function encodings(secret: string): Set<string> {
  const forms = new Set<string>();
  for (const form of [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]) {
    const json = JSON.stringify(form).slice(1, -1);
    forms.add(form).add(json).add(json.replaceAll("/", "\\/"));
  }
  return forms;
}

/**
 * The HTTP Basic credentials of a client as oauth4webapi sends them
 * (RFC 6749 section 2.3.1: id and secret form-encoded, then base64), with and
 * without padding: an echo may carry them without the `Basic` word.
 */
export function basicCredentials(clientId: string, clientSecret: string): string[] {
  const form = (value: string) => new URLSearchParams({ s: value }).toString().slice(2);
  const raw = [`${form(clientId)}:${form(clientSecret)}`, `${clientId}:${clientSecret}`];
  return raw.flatMap((pair) => {
    const base64 = btoa(pair);
    return [base64, base64.replace(/=+$/, "")];
  });
}

/**
 * Replaces every occurrence of each secret (in each of its {@link encodings})
 * and any HTTP credentials in `text` with `[redacted]`: a login server may
 * echo the request in its error description.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let safe = text.replace(/\b(Basic|Bearer)(\s|%20|\+)+[A-Za-z0-9+/=._~%-]+/gi, "$1 [redacted]");
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    // Longest first, so an encoding is not left half-replaced by a shorter one.
    for (const form of [...encodings(secret)].sort((a, b) => b.length - a.length)) {
      safe = safe.replaceAll(form, "[redacted]");
    }
  }
  return safe;
}
