// List invoices and reminders for product (GET /v1/customer/invoice/payment/{product}):
// the customer's record for the product, filtered by `unpaid`, `from` and
// `to`; without dates only the latest invoice, as the provider's client-mode
// page says (`invoicesWithoutDates` turns that off). The product-code
// triggers answer as for the Payment section.
import { ok } from "../answers.js";
import type { OperationModule } from "./operation.js";
import { productTriggered } from "./payment-method-triggers.js";

export const listInvoices: OperationModule = {
  operationId: "listInvoices",
  answer({ params, query, customer }, { invoices }) {
    const product = params.product!;
    return productTriggered(product) ?? ok(invoices.list(customer, product, query));
  },
};
