import { ConnectError, type ConnectErrorCode } from "./errors.js";
import { parseRetryAfter } from "./retry.js";

/** What Pay invoice resolves to: the id to redirect the customer with. */
export interface PayInvoiceResult {
  transactionId: number;
}

const CODE_BY_STATUS: Record<number, ConnectErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  429: "rate_limited",
};

/**
 * Turns the API's answer into `{ transactionId }` or a ConnectError.
 * `payload` is what openapi-fetch gave with `parseAs: "text"`: the text of a
 * 2xx answer, or the body of any other, JSON-parsed when it was JSON.
 */
export function readPayInvoiceAnswer(response: Response, payload: unknown): PayInvoiceResult {
  const status = response.status;
  // The parsed JSON, or else a short excerpt of the text.
  let body = typeof payload === "string" ? payload.slice(0, 200) : payload;
  if (!response.ok) {
    throw new ConnectError(
      CODE_BY_STATUS[status] ?? (status > 499 ? "server_error" : "unexpected_response"),
      `Pay invoice failed with HTTP ${status}`,
      { status, body, retryAfterMs: parseRetryAfter(response.headers.get("Retry-After")) },
    );
  }
  let json: { success?: unknown; transactionId?: unknown } | undefined;
  try {
    json = JSON.parse(payload as string);
    body = json;
  } catch {
    // Not JSON, or empty: json stays undefined.
  }
  const { success, transactionId } = Object(json) as NonNullable<typeof json>;
  // No object, or field types that contradict the spec: the answer cannot be trusted at all.
  if (
    typeof json !== "object" ||
    !json ||
    Array.isArray(json) ||
    (success !== undefined && typeof success !== "boolean") ||
    (transactionId !== undefined && !Number.isInteger(transactionId))
  ) {
    throw new ConnectError(
      "unexpected_response",
      `Pay invoice gave an unexpected ${status} answer`,
      {
        status,
        body,
      },
    );
  }
  if (success !== true || !Number.isSafeInteger(transactionId) || (transactionId as number) < 1) {
    throw new ConnectError("payment_not_added", "Pay invoice did not add the payment", {
      status,
      body,
    });
  }
  return { transactionId: transactionId as number };
}
