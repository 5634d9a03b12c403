// List invoices for product, client mode
// (GET /v1/client/customer/invoice/payment/{customerNumber}/{productCode}):
// the record List invoices reads, for the customer the number names, read
// with the client's own token. Without dates only the latest invoice.
import type { OperationModule } from "./operation.js";
import { clientInvoices } from "./client-invoices.js";

export const listClientInvoicesForProduct: OperationModule = {
  operationId: "listClientInvoicesForProduct",
  answer: (request, state) => clientInvoices(request, state, request.params.productCode),
};
