import type {
  ListedPaymentMethod,
  PaymentChangeMethod,
  PaymentMethod,
} from "@connect-payment/types";
import { SANDBOX_TRIGGERS } from "@connect-payment/sandbox";

/** The invoice the demo customer pays. The API takes no amount; it is shown for the story. */
export const DEMO_INVOICE = {
  invoiceNumber: "7435367",
  productCode: "CO27409",
  companyCode: "68979834",
  customer: "Kari Nordmann",
  description: "Demo News digital, 3 months",
  amount: "NOK 597.00",
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

/** Invoice numbers to choose from: the real one, and the sandbox's triggers for the other responses. */
export const SCENARIOS = [
  { invoiceNumber: DEMO_INVOICE.invoiceNumber, label: "Normal payment" },
  { invoiceNumber: SANDBOX_TRIGGERS.notAdded, label: "Payment not added (success: false)" },
  { invoiceNumber: SANDBOX_TRIGGERS.rateLimited, label: "Rate limited (429, after retries)" },
  { invoiceNumber: SANDBOX_TRIGGERS.serverError, label: "Server error (500)" },
  {
    invoiceNumber: SANDBOX_TRIGGERS.badRequest,
    label: "Bad request (400, the provider's error body)",
  },
  { invoiceNumber: SANDBOX_TRIGGERS.expiredToken, label: "Expired access token (401)" },
  { invoiceNumber: SANDBOX_TRIGGERS.notJson, label: "A response that is not JSON" },
] as const;
