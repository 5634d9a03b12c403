/**
 * This file is generated from openapi/connect-payment.yaml by scripts/generate.mjs.
 * Do not edit it by hand: change the spec and run `pnpm generate`.
 */

/** API servers by environment, from the spec's `servers`. */
export const SERVERS = {
  production: "https://api.mediaconnect.no/capi",
  test: "https://api-test.mediaconnect.no/capi",
} as const;

/** Every `PaymentMethod`, from `components.schemas.PaymentMethod`. */
export const PAYMENT_METHODS = ["creditcardPayex", "swishPayex", "vippsEcommerce", "nexi"] as const;

/** The range of a valid `TransactionId`, from `components.schemas.TransactionId`. */
export const TRANSACTION_ID = {
  minimum: 1,
  maximum: 9007199254740991,
} as const;

/** Every `PaymentResultStatus`, from `components.schemas.PaymentResultStatus`. */
export const PAYMENT_RESULT_STATUSES = [
  "finished",
  "cancelled",
  "failed",
  "unknown",
  "initiated",
  "error",
] as const;

/** The path of Pay invoice (`payInvoice`). */
export const PAY_INVOICE_PATH = "/v1/api/payment/invoice";

/** The HTTP method of Pay invoice. */
export const PAY_INVOICE_METHOD = "POST";

/** The rules of each field of the Pay invoice request body, checked before anything is sent. */
export const PAY_INVOICE_REQUEST_RULES = {
  invoiceNumber: {
    required: true,
    type: "string",
    maxLength: 10,
  },
  productCode: {
    required: true,
    type: "string",
    maxLength: 12,
  },
  companyCode: {
    required: true,
    type: "string",
    maxLength: 12,
  },
  paymentMethod: {
    required: true,
    type: "string",
    enum: ["creditcardPayex", "swishPayex", "vippsEcommerce", "nexi"],
  },
} as const;

/** The rules of each field of the body of a 200 Pay invoice response. */
export const PAY_INVOICE_RESPONSE_RULES = {
  success: {
    required: false,
    type: "boolean",
  },
  transactionId: {
    required: false,
    type: "integer",
    minimum: 1,
    maximum: 9007199254740991,
  },
} as const;
