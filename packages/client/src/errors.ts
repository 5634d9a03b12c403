import { assignDefined, invalidMessage } from "@connect-payment/internal";

/**
 * What went wrong, as one value to branch on. The package README has a row for
 * each: when it happens, whether the request was sent, whether it is retried.
 */
export type ConnectErrorCode =
  | "invalid_request"
  | "payment_not_added"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "unexpected_response"
  | "network"
  | "timeout"
  | "aborted"
  | "token_unavailable";

/** One broken field of a request, of the client options or of the access token. */
export interface ConnectIssue {
  /** The field's name, e.g. `"invoiceNumber"` or `"timeoutMs"`. */
  field: string;
  /** The rule it breaks, e.g. `"must be at most 10 characters"`. */
  message: string;
}

/** The optional facts a {@link ConnectError} carries; only the ones that apply are set. */
export interface ConnectErrorDetails {
  /** The HTTP status, when the API answered. */
  status?: number | undefined;
  /** The response's parsed JSON (nested at most 64 levels, deeper values replaced by a marker), or a short excerpt (at most 200 characters) when it was not JSON. */
  body?: unknown;
  /** Every broken field, for `invalid_request`. */
  issues?: ConnectIssue[] | undefined;
  /** How long to wait: `Retry-After`, or else for `rate_limited` the time until `X-RateLimit-Reset`. */
  retryAfterMs?: number | undefined;
  /** `X-RateLimit-Remaining`: calls left before a 429, when the API sent it. */
  rateLimitRemaining?: number | undefined;
  /** `X-RateLimit-Reset` as milliseconds from now until the rate limit renews, when the API sent it. */
  rateLimitResetMs?: number | undefined;
  /** The body's `exceptionType` (400 responses, as public integrations read them), at most 200 characters. */
  exceptionType?: string | undefined;
  /** The body's `errorMessage` (400 responses, as public integrations read them), at most 200 characters. */
  errorMessage?: string | undefined;
  /** The body's OAuth `error` (RFC 6749/6750), e.g. `"invalid_token"` on a 401. */
  oauthError?: string | undefined;
  /** The body's OAuth `error_description`, at most 200 characters. */
  oauthErrorDescription?: string | undefined;
  /** The error behind this one, e.g. what a throwing token function threw. */
  cause?: unknown;
}

/**
 * The one error class the client throws. It never holds the access token or
 * the request headers, so it is safe to log as a whole.
 */
export class ConnectError extends Error {
  /** What went wrong; see {@link ConnectErrorCode}. */
  readonly code: ConnectErrorCode;
  /** The HTTP status, when the API answered. */
  declare readonly status?: number;
  /** The response's parsed JSON (nested at most 64 levels, deeper values replaced by a marker), or a short excerpt (at most 200 characters) when it was not JSON. */
  declare readonly body?: unknown;
  /** Every broken field, for `invalid_request`. */
  declare readonly issues?: ConnectIssue[];
  /** How long to wait: `Retry-After`, or else for `rate_limited` the time until `X-RateLimit-Reset`. */
  declare readonly retryAfterMs?: number;
  /** `X-RateLimit-Remaining`: calls left before a 429, when the API sent it. */
  declare readonly rateLimitRemaining?: number;
  /** `X-RateLimit-Reset` as milliseconds from now until the rate limit renews, when the API sent it. */
  declare readonly rateLimitResetMs?: number;
  /** The body's `exceptionType` (400 responses, as public integrations read them), at most 200 characters. */
  declare readonly exceptionType?: string;
  /** The body's `errorMessage` (400 responses, as public integrations read them), at most 200 characters. */
  declare readonly errorMessage?: string;
  /** The body's OAuth `error` (RFC 6749/6750), e.g. `"invalid_token"` on a 401. */
  declare readonly oauthError?: string;
  /** The body's OAuth `error_description`, at most 200 characters. */
  declare readonly oauthErrorDescription?: string;

  /**
   * @param code - what went wrong
   * @param message - for people; names the broken fields, or the HTTP status and the provider's own words
   * @param details - the facts that apply; `cause` becomes the standard `Error.cause`
   */
  constructor(code: ConnectErrorCode, message: string, details: ConnectErrorDetails = {}) {
    super(message, details);
    this.name = "ConnectError";
    this.code = code;
    assignDefined(this, details);
  }
}

/** `invalid_request`, with a message naming every broken field and its rule. */
export const invalid = (what: string, issues: ConnectIssue[], cause?: unknown): ConnectError =>
  new ConnectError("invalid_request", invalidMessage(what, issues), { issues, cause });
