/**
 * This file is generated from openapi/connect-payment.yaml by scripts/generate.mjs.
 * Do not edit it by hand: change the spec and run `pnpm generate`.
 */

/** API servers by environment, from the spec's `servers`. */
export const SERVERS = {
  production: "https://api.mediaconnect.no/capi",
  test: "https://api-test.mediaconnect.no/capi",
} as const;

/** The path of the Pay invoice operation. */
export const PAY_INVOICE_PATH = "/v1/api/payment/invoice";

/** Every accepted `paymentMethod`, from `components.schemas.PaymentMethod`. */
export const PAYMENT_METHODS = ["creditcardPayex", "swishPayex", "vippsEcommerce", "nexi"] as const;

/** The rules of each `PayInvoiceRequest` field, checked before anything is sent. */
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

/** The range of a valid `transactionId`, from `components.schemas.TransactionId`. */
export const TRANSACTION_ID = {
  minimum: 1,
  maximum: 9007199254740991,
} as const;
