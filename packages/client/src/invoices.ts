import type { components } from "@connect-payment/types";
import { GET_INVOICE_DETAILS, LIST_INVOICES } from "./generated/spec.js";
import { operation } from "./operation.js";
import type { Settings } from "./options.js";

type Schemas = components["schemas"];

/**
 * One invoice as List invoices answers it. Every field is optional, and the
 * pages' types drift (`invoiceNumber` and amounts as string or number, dates
 * as `YYYY-MM-DD` or epoch milliseconds): read it with {@link readInvoice}.
 * Fields the spec does not list pass through.
 */
export type Invoice = Schemas["Invoice"];

/** One reminder as List invoices answers it; `invoiceNumber` names its invoice. */
export type InvoiceReminder = Schemas["InvoiceReminder"];

/** What `listInvoices` resolves to: both lists, empty when the answer has none. */
export type InvoiceList = Schemas["ListInvoicesResponse"] & {
  /** The invoices. */
  invoices: Invoice[];
  /**
   * The reminders. Pay invoice takes no reminder number, so none can be paid
   * here; the provider does not say whether paying the invoice settles its reminder's fee.
   */
  reminders: InvoiceReminder[];
};

/** Which invoices `listInvoices` asks for. */
export interface ListInvoicesQuery {
  /** Only unpaid invoices (sent as `unpaid=true`; `false` or absent lists every invoice). */
  unpaid?: boolean;
  /** The first date, `YYYY-MM-DD`. Without dates the provider may answer only the latest invoice. */
  from?: string;
  /** The last date, `YYYY-MM-DD`. */
  to?: string;
}

/** Which invoice (or reminder) `getInvoiceDetails` asks for. */
export interface InvoiceDetailsQuery {
  /** The company the invoice belongs to, at most 12 characters. */
  companyCode: string;
  /** The invoice number, an integer here (List invoices may answer it as a string). */
  invoiceNumber: number;
  /** The reminder's number, or 0 for the invoice itself. */
  reminderNumber: number;
}

/** The details of one invoice; the provider shows none of its fields, so they pass through unchecked. */
export type InvoiceDetails = Record<string, unknown>;

/** `listInvoices` of a client: the product's invoices and reminders. */
export function createListInvoices(settings: Settings) {
  const call = operation(settings, LIST_INVOICES);
  return async (
    productCode: string,
    query: ListInvoicesQuery = {},
    { signal }: { signal?: AbortSignal | undefined } = {},
  ): Promise<InvoiceList> => {
    const { body } = await call<Schemas["ListInvoicesResponse"]>({
      path: { product: productCode },
      query: query as Record<string, unknown>,
      signal,
    });
    return { ...body, invoices: body.invoices ?? [], reminders: body.reminders ?? [] };
  };
}

/** `getInvoiceDetails` of a client: the `invoiceInfoWithDetail` object of the answer. */
export function createGetInvoiceDetails(settings: Settings) {
  const call = operation(settings, GET_INVOICE_DETAILS);
  return async (
    query: InvoiceDetailsQuery,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<InvoiceDetails> => {
    const answer = await call<{ invoiceInfoWithDetail?: InvoiceDetails }>({
      query: query as unknown as Record<string, unknown>,
      signal,
    });
    const details = answer.body.invoiceInfoWithDetail;
    // Without it the answer says nothing about the invoice asked for.
    if (!details) throw answer.received.fail("unexpected_response");
    return details;
  };
}
