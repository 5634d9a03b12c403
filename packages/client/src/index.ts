export { createConnectClient, type ConnectClient } from "./client.js";
export {
  ConnectError,
  type ConnectErrorCode,
  type ConnectErrorDetails,
  type ConnectIssue,
} from "./errors.js";
export type { AccessToken, ConnectClientOptions } from "./options.js";
export type { PayInvoiceInput, PayInvoiceResult } from "./pay-invoice.js";
export type {
  ChangePaymentMethodInput,
  ChangePaymentMethodResult,
} from "./change-payment-method.js";
export type {
  Invoice,
  InvoiceReminder,
  InvoiceList,
  ListInvoicesQuery,
  InvoiceDetailsQuery,
  InvoiceDetails,
} from "./invoices.js";
export {
  readInvoice,
  type InvoiceReading,
  type InvoiceState,
  type ReadInvoiceOptions,
} from "./read-invoice.js";
export type {
  ConfirmInvoicePaymentInput,
  ConfirmInvoicePaymentOptions,
  InvoicePaymentConfirmation,
} from "./confirm-invoice-payment.js";
export { unlistedPaymentMethod, type UnlistedPaymentMethod } from "./payment-method.js";
export {
  PAYMENT_METHODS,
  PAYMENT_CHANGE_METHODS,
  LISTED_PAYMENT_METHODS,
  SERVERS,
  PAY_INVOICE_PATH,
  TRANSACTION_ID,
  PAYMENT_CHANGE_ID,
} from "./generated/spec.js";
export type {
  PayInvoiceRequest,
  PayInvoiceResponse,
  PaymentMethod,
  PaymentChangeMethod,
  ListedPaymentMethod,
  PaymentMethodItem,
  ChangePaymentMethodRequest,
  ChangePaymentMethodResponse,
} from "@connect-payment/types";
