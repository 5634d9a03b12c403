// List invoices, client mode (GET /v1/client/customer/invoice/payment/{customerNumber}):
// the customer's invoices of every product, answered as the sample shows
// (`{ clientInvoiceInfoList }`). Without dates only the latest invoice.
import type { OperationModule } from "./operation.js";
import { clientInvoices } from "./client-invoices.js";

export const listClientInvoices: OperationModule = {
  operationId: "listClientInvoices",
  answer: (request, state) => clientInvoices(request, state, undefined),
};
