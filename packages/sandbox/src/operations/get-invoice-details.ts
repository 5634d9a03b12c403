// List invoice details (GET /v1/customer/invoice/details): one invoice of the
// customer's record (`reminderNumber` 0) or one of its reminders, in the open
// `invoiceInfoWithDetail` object (the provider's page shows none of its
// fields). An invoice the record does not hold gets the provider's 400.
import { invoiceNotFound, ok } from "../answers.js";
import type { OperationModule } from "./operation.js";

export const getInvoiceDetails: OperationModule = {
  operationId: "getInvoiceDetails",
  answer({ query, customer }, { invoices }) {
    const { companyCode, invoiceNumber, reminderNumber } = query as {
      companyCode: string;
      invoiceNumber: number;
      reminderNumber: number;
    };
    const detail = invoices.details(customer, companyCode, invoiceNumber, reminderNumber);
    return detail ? ok({ invoiceInfoWithDetail: detail }) : invoiceNotFound(String(invoiceNumber));
  },
};
