import type { PayInvoiceRequest, PaymentMethod } from "@connect-payment/types";
import {
  PAY_INVOICE_METHOD,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST_RULES,
  PAY_INVOICE_RESPONSE_RULES,
} from "./generated/spec.js";
import { parseJson } from "./json.js";
import type { Settings } from "./options.js";
import { resolveUnlisted, type UnlistedPaymentMethod } from "./payment-method.js";
import { send } from "./send.js";
import { assertValid, issuesOf } from "./validate.js";

/**
 * The body of `payInvoice`: the Pay invoice request, whose `paymentMethod`
 * may also be `unlistedPaymentMethod("…")` for a method the SDK does not list yet.
 */
export type PayInvoiceInput = Omit<PayInvoiceRequest, "paymentMethod"> & {
  /** A method the spec lists, or `unlistedPaymentMethod("…")` for one it does not list yet. */
  paymentMethod: PaymentMethod | UnlistedPaymentMethod;
};

/** What Pay invoice resolves to: the id to redirect the customer with. */
export interface PayInvoiceResult {
  /** The payment's id at the provider; an integer from 1 to 2^53 - 1 (`TRANSACTION_ID`, from the spec). */
  transactionId: number;
}

/** `payInvoice` of a client: checks the body, sends it, and checks the response. */
export function createPayInvoice(settings: Settings) {
  const url = settings.baseUrl + PAY_INVOICE_PATH;
  const headers = { "content-type": "application/json", ...settings.headers };

  return async (
    input: PayInvoiceInput,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<PayInvoiceResult> => {
    const { rules, body } = resolveUnlisted(PAY_INVOICE_REQUEST_RULES, input);
    assertValid(rules, body, "Pay invoice request");
    const received = await send(settings, {
      url,
      method: PAY_INVOICE_METHOD,
      headers,
      body: JSON.stringify(body),
      signal,
    });
    if (!received.response.ok) throw received.fail();
    const parsed = parseJson(received.text);
    // The rules check below makes `transactionId` a number before it is returned.
    const { success, transactionId } = Object(parsed) as {
      success?: unknown;
      transactionId?: number;
    };
    // Not an object, or fields that break the spec's rules (a transactionId beyond
    // the range is one: JSON.parse cannot even keep its value): the response cannot be
    // trusted at all, not even to say the payment was not added.
    if (
      typeof parsed != "object" ||
      !parsed ||
      Array.isArray(parsed) ||
      issuesOf(PAY_INVOICE_RESPONSE_RULES, parsed).length
    ) {
      throw received.fail("unexpected_response");
    }
    // The spec marks both fields optional; only both together mean the payment was added.
    if (success !== true || transactionId === undefined) throw received.fail("payment_not_added");
    return { transactionId };
  };
}
