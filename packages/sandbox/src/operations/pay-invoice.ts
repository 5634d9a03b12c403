// Pay invoice (POST /v1/api/payment/invoice): adds a transaction and answers
// its id, unless the invoice number is one of the triggers.
import type { PayInvoiceRequest } from "@connect-payment/types";
import {
  expiredToken,
  ok,
  rateLimited,
  rateLimitHeaders,
  serverError,
  invoiceNotFound,
  type ApiResponse,
} from "../answers.js";
import { triggerFor } from "../triggers.js";
import type { OperationModule, OperationState } from "./operation.js";

/** The answer of each invoice-number trigger but `slowResponse`. */
const TRIGGERED: Partial<
  Record<NonNullable<ReturnType<typeof triggerFor>>, (invoiceNumber: string) => ApiResponse>
> = {
  notAdded: () => ok({ success: false }),
  notJson: () => ({
    kind: "send",
    status: 200,
    headers: rateLimitHeaders(),
    body: "<!doctype html><title>Maintenance</title><p>Back soon.</p>",
    contentType: "text/html; charset=utf-8",
  }),
  badRequest: invoiceNotFound,
  expiredToken,
  rateLimited,
  serverError,
  droppedConnection: () => ({ kind: "drop" }),
};

function pay(
  payment: PayInvoiceRequest,
  customer: string | undefined,
  state: OperationState,
): ApiResponse {
  const trigger = triggerFor(payment.invoiceNumber);
  const triggered = trigger && TRIGGERED[trigger];
  if (triggered) return triggered(payment.invoiceNumber);
  // The provider pays only invoices its record holds for the customer.
  const invoice = state.invoices.find(customer, payment);
  if (!invoice) return invoiceNotFound(payment.invoiceNumber);
  const transaction = state.transactions.create(payment);
  state.invoices.paying(transaction.id, invoice);
  const response = ok({ success: true, transactionId: transaction.id });
  if (trigger === "slowResponse" && response.kind === "send") {
    response.delayMs = state.slowResponseMs;
  }
  return response;
}

export const payInvoice: OperationModule = {
  operationId: "payInvoice",
  answer: (request, state) => pay(request.body as PayInvoiceRequest, request.customer, state),
};
