import type { PayInvoiceRequest, PaymentMethod } from "@connect-payment/types";
import { PAY_INVOICE } from "./generated/spec.js";
import { operation } from "./operation.js";
import type { Settings } from "./options.js";
import { resolveUnlisted, type UnlistedPaymentMethod } from "./payment-method.js";

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

/** `payInvoice` of a client: the one call path, then what Pay invoice's answer means. */
export function createPayInvoice(settings: Settings) {
  const call = operation(settings, PAY_INVOICE);

  return async (
    input: PayInvoiceInput,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<PayInvoiceResult> => {
    const { rules, body } = resolveUnlisted(PAY_INVOICE.bodyRules, input);
    // The answer's rules make `transactionId` a number when present.
    const answer = await call<{ success?: unknown; transactionId?: number }>({
      body,
      bodyRules: rules,
      signal,
    });
    const { success, transactionId } = answer.body;
    // The spec marks both fields optional; only both together mean the payment was added.
    if (success !== true || transactionId === undefined) {
      throw answer.received.fail("payment_not_added");
    }
    return { transactionId };
  };
}
