import type { ConnectErrorCode } from "./errors.js";

// The one mapping from an HTTP status (other than 2xx) to an error code, for
// every operation and for `raw`. The package README's error table lists them.
const CODES: Record<number, ConnectErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  429: "rate_limited",
};

/** The error code of an HTTP status the API answered with (other than 2xx). */
export const codeOfStatus = (status: number): ConnectErrorCode =>
  CODES[status] ?? (status > 499 ? "server_error" : "unexpected_response");
