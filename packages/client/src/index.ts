export { createConnectClient, type ConnectClient } from "./client.js";
export {
  ConnectError,
  type ConnectErrorCode,
  type ConnectErrorDetails,
  type ConnectIssue,
} from "./errors.js";
export type { AccessToken, ConnectClientOptions } from "./options.js";
export type { PayInvoiceResult } from "./pay-invoice.js";
export { PAYMENT_METHODS, SERVERS, PAY_INVOICE_PATH, TRANSACTION_ID } from "./generated/spec.js";
export type { PayInvoiceRequest, PayInvoiceResponse, PaymentMethod } from "@connect-payment/types";
