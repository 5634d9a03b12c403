import type {
  ListedPaymentMethod,
  PaymentChangeMethod,
  PaymentMethod,
} from "@connect-payment/types";
import {
  SANDBOX_RECORD_TRIGGERS,
  SANDBOX_TRIGGERS,
  type SandboxRecordTrigger,
  type SandboxTrigger,
} from "@connect-payment/sandbox";

/**
 * The shop's product at the provider (the spec's example product, which the
 * sandbox's test customers have invoices for). Which invoices the customer
 * owes comes from the provider's list, never from here.
 */
export const PRODUCT = {
  productCode: "CO27409",
  description: "Demo News digital",
} as const;

/** What the customer sees for each method. Typed by the spec, so a new method fails the build. */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  creditcardPayex: "Payment card",
  swishPayex: "Swish",
  vippsEcommerce: "Vipps",
  nexi: "Nexi",
};

/**
 * What the customer sees for the methods of "Change payment method": the ones
 * List payment methods answers with and the ones a change picks. Typed by the
 * spec, so a new method fails the build.
 */
export const PAYMENT_METHOD_NAMES: Record<ListedPaymentMethod | PaymentChangeMethod, string> = {
  recurringPayment: "Automatic payment",
  recurringPayExCardPayment: "Automatic card payment",
};

/** A method's name for the customer; a method added since the spec gets a plain description. */
export function paymentMethodName(method: string | undefined): string {
  if (method === undefined) return "A payment method";
  return (
    (PAYMENT_METHOD_NAMES as Record<string, string>)[method] ??
    (PAYMENT_METHOD_LABELS as Record<string, string>)[method] ??
    "Another payment method"
  );
}

/** The sandbox's trigger invoices, named for the tester: each makes Pay invoice, or the record after it, answer another way. */
const SCENARIO_LABELS: Record<SandboxTrigger | SandboxRecordTrigger, string> = {
  notAdded: "payment not added (success: false)",
  rateLimited: "rate limited (429, after retries)",
  serverError: "server error (500)",
  badRequest: "bad request (400, the provider's error body)",
  expiredToken: "expired access token (401)",
  notJson: "a response that is not JSON",
  droppedConnection: "connection dropped",
  slowResponse: "a response slower than the client's timeout",
  recordNeverUpdates: "the record never shows the payment",
  partlyPaid: "the record shows half of it paid",
  disappears: "the invoice disappears from the record",
};

const TRIGGERS: Record<string, string> = { ...SANDBOX_TRIGGERS, ...SANDBOX_RECORD_TRIGGERS };

/** The scenario an invoice of the list plays in the sandbox, if any. */
export function scenarioOf(invoiceNumber: string): string | undefined {
  const trigger = Object.keys(TRIGGERS).find((name) => TRIGGERS[name] === invoiceNumber);
  return trigger && SCENARIO_LABELS[trigger as keyof typeof SCENARIO_LABELS];
}
