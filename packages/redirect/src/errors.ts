/** The shortest secret accepted, in bytes (a text secret counts its UTF-8 bytes, a CryptoKey its key length). */
export const MIN_SECRET_LENGTH = 32;

/** Why an option was refused; `field` says which one. The README explains each rule. */
export type RedirectErrorRule =
  | "required" // missing, not a string, or empty
  | "control_character" // C0/C1 control character or DEL anywhere, e.g. tab, newline, NUL
  | "whitespace" // leading or trailing whitespace
  | "relative" // not an absolute URL
  | "protocol_relative" // starts with "//"
  | "scheme" // not http(s): javascript:, data:, ftp:, …
  | "insecure_http" // http on a host other than localhost, 127.0.0.0/8, [::1]
  | "credentials" // user or password in the URL
  | "query_or_fragment" // loginServer with "?" or "#"
  | "origin_not_allowed" // origin missing from allowedReturnOrigins
  | "reserved_param" // uses cp_tx, cp_sig or the status parameter's name
  | "integer" // not an integer: float, NaN, Infinity, wrong type
  | "positive" // 0 or negative
  | "safe_integer" // above Number.MAX_SAFE_INTEGER
  | "numeric_string" // a string that is not plain digits without a leading 0
  | "too_short" // secret (or CryptoKey) shorter than MIN_SECRET_LENGTH bytes
  | "lone_surrogate" // secret text that is not well-formed Unicode
  | "crypto_key"; // a CryptoKey that is not an HMAC key allowed to sign

/**
 * Thrown for an option that cannot make a valid redirect, before any URL is
 * built. Never carries the rejected value: it may be a secret.
 */
export class RedirectError extends Error {
  /** Always `"RedirectError"`. */
  override readonly name = "RedirectError";
  /** Always `"invalid_option"`: the only kind of error this package throws. */
  readonly code = "invalid_option";
  /** The option that was refused, e.g. `"returnUrl"` or `"transactionId"`. */
  declare readonly field: string;
  /** The rule the option broke, e.g. `"insecure_http"`. */
  declare readonly rule: RedirectErrorRule;

  constructor(field: string, rule: RedirectErrorRule) {
    // Short on purpose (the package has a size budget): the README explains every rule.
    super(
      `Invalid ${field}: ${rule}${rule == "too_short" ? ` (at least ${MIN_SECRET_LENGTH} bytes)` : ""}`,
    );
    this.field = field;
    this.rule = rule;
  }
}

/** Throws the error for a field and rule; the `never` lets callers end a branch with it. */
export const fail = (field: string, rule: RedirectErrorRule): never => {
  throw new RedirectError(field, rule);
};
