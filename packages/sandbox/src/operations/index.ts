// Every operation the sandbox answers: the router pairs each with the spec's
// rules by `operationId`. A new operation is its spec entry and one module here.
import { changePaymentMethod } from "./change-payment-method.js";
import { getInvoiceDetails } from "./get-invoice-details.js";
import { listClientInvoices } from "./list-client-invoices.js";
import { listClientInvoicesForProduct } from "./list-client-invoices-for-product.js";
import { listInvoices } from "./list-invoices.js";
import { listPaymentMethods } from "./list-payment-methods.js";
import type { OperationModule } from "./operation.js";
import { payInvoice } from "./pay-invoice.js";

export const OPERATION_MODULES: readonly OperationModule[] = [
  payInvoice,
  listPaymentMethods,
  changePaymentMethod,
  listInvoices,
  getInvoiceDetails,
  listClientInvoicesForProduct,
  listClientInvoices,
];
