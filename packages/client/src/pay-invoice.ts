import type { PayInvoiceRequest } from "@connect-payment/types";
import { codeOfStatus } from "./answer-error.js";
import { parseJson } from "./errors.js";
import { PAY_INVOICE_PATH, TRANSACTION_ID } from "./generated/spec.js";
import type { Settings } from "./options.js";
import { send } from "./send.js";
import { assertValidPayInvoiceRequest } from "./validate.js";

/** What Pay invoice resolves to: the id to redirect the customer with. */
export interface PayInvoiceResult {
  /** The payment's id at the provider; an integer from 1 to 2^53 - 1 ({@link TRANSACTION_ID}). */
  transactionId: number;
}

/** An id within the spec's `TransactionId` range (which JavaScript represents exactly). */
const isTransactionId = (value: unknown): value is number =>
  Number.isSafeInteger(value) &&
  (value as number) >= TRANSACTION_ID.minimum &&
  (value as number) <= TRANSACTION_ID.maximum;

/** `payInvoice` of a client: checks the body, sends it, and checks the answer. */
export function payInvoiceWith(settings: Settings) {
  const url = settings.baseUrl + PAY_INVOICE_PATH;
  const headers = { "content-type": "application/json", ...settings.headers };

  return async (
    body: PayInvoiceRequest,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<PayInvoiceResult> => {
    assertValidPayInvoiceRequest(body);
    const answer = await send(settings, {
      url,
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal,
    });
    if (!answer.response.ok) throw answer.fail(codeOfStatus(answer.response.status));
    const parsed = parseJson(answer.text);
    const { success, transactionId } = Object(parsed);
    // Not an object, or fields that break the spec (a transactionId beyond the
    // range is one: JSON.parse cannot even keep its value): the answer cannot be
    // trusted at all, not even to say the payment was not added.
    if (
      typeof parsed != "object" ||
      !parsed ||
      Array.isArray(parsed) ||
      (success !== undefined && typeof success != "boolean") ||
      (transactionId !== undefined && !isTransactionId(transactionId))
    ) {
      throw answer.fail("unexpected_response");
    }
    // The spec marks both fields optional; only both together mean the payment was added.
    if (success !== true || transactionId === undefined) throw answer.fail("payment_not_added");
    return { transactionId };
  };
}
