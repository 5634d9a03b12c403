export {
  LOGIN_SERVERS,
  PAYMENT_RESULT_STATUSES,
  PAY_PAGE_PATH,
  PAYMENT_CHANGE_PAGE_PATH,
} from "./generated/spec.js";
export { RedirectError, type RedirectErrorRule } from "./errors.js";
export {
  buildInvoicePaymentUrl,
  buildPaymentChangeUrl,
  type InvoicePaymentUrlOptions,
  type PageUrlOptions,
  type PaymentChangeUrlOptions,
} from "./build-url.js";
export {
  DEFAULT_STATUS_PARAM,
  canRetry,
  isFinalStatus,
  isPaid,
  type FinalStatus,
  type PaymentResultStatus,
  type PaymentReturnStatus,
  type RetryableStatus,
} from "./status.js";
export { SIGNATURE_PARAM, TRANSACTION_ID_PARAM } from "./query.js";
export type { PaymentReturnInput } from "./input.js";
export {
  parsePaymentReturn,
  type PaymentReturn,
  type PaymentReturnOptions,
} from "./parse-return.js";
export { MIN_SECRET_LENGTH, type BindingSecret } from "./secret.js";
export {
  bindReturnUrl,
  verifyPaymentReturn,
  type BindOptions,
  type VerifiedPaymentReturn,
  type VerifyOptions,
} from "./bind.js";
