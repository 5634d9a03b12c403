// What the two client-mode operations share: the customer a customer number
// names (404 for any other), and the record's invoices in the client-mode shape.
import { json, ok, type ApiResponse } from "../answers.js";
import { clientInvoiceOf } from "../invoices/client-view.js";
import { InvoiceRecord } from "../invoices/record.js";
import type { CheckedRequest, OperationState } from "./operation.js";

/** The provider documents no 404 body: the sandbox names what was not found. */
const customerNotFound = (customerNumber: number): ApiResponse =>
  json(404, {
    exceptionType: "CustomerNotFoundException",
    errorMessage: `Customer ${customerNumber} was not found`,
  });

/** `{ clientInvoiceInfoList }` of the customer's invoices, for one product or every product. */
export function clientInvoices(
  { params, query }: CheckedRequest,
  { invoices }: OperationState,
  product: string | undefined,
): ApiResponse {
  const customerNumber = Number(params.customerNumber);
  const customer = InvoiceRecord.customerNumbered(customerNumber);
  if (customer === undefined) return customerNotFound(customerNumber);
  const { from, to } = query as { from?: string; to?: string };
  const listed = invoices.list(customer, product, {
    paidWithin: true,
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
  });
  return ok({ clientInvoiceInfoList: listed.invoices.map(clientInvoiceOf) });
}
