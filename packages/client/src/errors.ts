/** What went wrong, as one value to branch on. The README has a row for each. */
export type ConnectErrorCode =
  | "invalid_request"
  | "payment_not_added"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "server_error"
  | "unexpected_response"
  | "network"
  | "timeout"
  | "aborted";

/** One broken field of a request or of the client options. */
export interface ConnectIssue {
  field: string;
  message: string;
}

export interface ConnectErrorDetails {
  status?: number | undefined;
  body?: unknown;
  issues?: ConnectIssue[] | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * The one error class the client throws. It never holds the access token or
 * the request headers, so it is safe to log as a whole.
 */
export class ConnectError extends Error {
  readonly code: ConnectErrorCode;
  /** The HTTP status, when the API answered. */
  declare readonly status?: number;
  /** The parsed JSON answer, or a short excerpt (at most 200 characters) when it was not JSON. */
  declare readonly body?: unknown;
  /** Every broken field, for `invalid_request`. */
  declare readonly issues?: ConnectIssue[];
  /** How long the API asked to wait, for `rate_limited`. */
  declare readonly retryAfterMs?: number;

  constructor(code: ConnectErrorCode, message: string, details: ConnectErrorDetails = {}) {
    // Error() takes `cause` from the details; the rest become properties.
    super(message, details);
    this.name = "ConnectError";
    this.code = code;
    for (const [key, value] of Object.entries(details)) {
      // Only the details that are set, so logs show no `undefined` noise.
      if (key !== "cause" && value !== undefined) (this as Record<string, unknown>)[key] = value;
    }
  }
}

/** Builds `invalid_request` with a message that names every broken field. */
export function invalidRequest(
  what: string,
  issues: ConnectIssue[],
  cause?: unknown,
): ConnectError {
  const list = issues.map((issue) => `${issue.field} ${issue.message}`).join("; ");
  return new ConnectError("invalid_request", `Invalid ${what}: ${list}`, { issues, cause });
}
