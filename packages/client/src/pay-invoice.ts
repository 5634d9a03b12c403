import type { PayInvoiceRequest } from "@connect-payment/types";
import { answerError, parseJson, type ConnectErrorCode } from "./errors.js";
import { PAY_INVOICE_PATH } from "./generated/spec.js";
import type { Settings } from "./options.js";
import { parseRetryAfter } from "./retry.js";
import { send } from "./send.js";
import { assertValidPayInvoiceRequest } from "./validate.js";

/** What Pay invoice resolves to: the id to redirect the customer with. */
export interface PayInvoiceResult {
  /** The payment's id at the provider; a positive integer. */
  transactionId: number;
}

const CODE_BY_STATUS: Record<number, ConnectErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  429: "rate_limited",
};

/** `payInvoice` of a client: checks the body, sends it, and checks the answer. */
export function payInvoiceWith(settings: Settings) {
  const url = settings.baseUrl + PAY_INVOICE_PATH;
  const headers = { "content-type": "application/json", ...settings.headers };

  return async (
    body: PayInvoiceRequest,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<PayInvoiceResult> => {
    assertValidPayInvoiceRequest(body);
    const { response, text } = await send(settings, {
      url,
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal,
    });
    const { status } = response;
    if (!response.ok) {
      throw answerError(
        CODE_BY_STATUS[status] ?? (status > 499 ? "server_error" : "unexpected_response"),
        status,
        text,
        parseRetryAfter(response.headers.get("retry-after")),
      );
    }
    const answer = parseJson(text);
    const { success, transactionId } = Object(answer);
    // Not an object, or field types that contradict the spec: the answer cannot be trusted at all.
    if (
      typeof answer != "object" ||
      !answer ||
      Array.isArray(answer) ||
      (success !== undefined && typeof success != "boolean") ||
      (transactionId !== undefined && !Number.isInteger(transactionId))
    ) {
      throw answerError("unexpected_response", status, text);
    }
    // The spec marks both fields optional; only both together mean the payment was added.
    if (success !== true || !(transactionId > 0 && Number.isSafeInteger(transactionId))) {
      throw answerError("payment_not_added", status, text);
    }
    return { transactionId };
  };
}
