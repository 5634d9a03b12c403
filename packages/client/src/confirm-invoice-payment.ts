import { invalid, type ConnectIssue } from "./errors.js";
import { LIST_INVOICES, PAY_INVOICE } from "./generated/spec.js";
import type { InvoiceList, ListInvoicesQuery } from "./invoices.js";
import { readInvoice, type InvoiceReading, type InvoiceState } from "./read-invoice.js";
import { sleep } from "./retry.js";
import { aborted } from "./send.js";
import { issuesOf } from "./validate.js";

/** The invoice to confirm: the fields Pay invoice was called with. */
export interface ConfirmInvoicePaymentInput {
  /** The product, as in Pay invoice. */
  productCode: string;
  /** The company, as in Pay invoice. */
  companyCode: string;
  /** The invoice number, as in Pay invoice. */
  invoiceNumber: string;
}

/** Options of `confirmInvoicePayment`. */
export interface ConfirmInvoicePaymentOptions {
  /**
   * How long to keep asking while the record says `unpaid` or `partly_paid`
   * (the record may lag the customer's return), in milliseconds. Default 0:
   * one reading.
   */
  waitMs?: number;
  /** Cancels the call (code `aborted`), also between readings. */
  signal?: AbortSignal;
  /** The first date of the list asked for, `YYYY-MM-DD`. Default: three years before today. */
  from?: string;
  /** The last date of the list asked for, `YYYY-MM-DD`. Default: one year after today. */
  to?: string;
  /** The time zone of dates in epoch milliseconds (see `readInvoice`). Default `"Europe/Oslo"`. */
  timeZone?: string | undefined;
}

/**
 * The provider's record of an invoice: its state as `readInvoice` reads it,
 * or `not_found` when the record does not hold the invoice (never taken for paid).
 */
export interface InvoicePaymentConfirmation {
  /** `paid` only when the record's paid amount reaches its invoiced amount. */
  state: InvoiceState | "not_found";
  /** The invoice as read from the record; absent for `not_found`. */
  invoice?: InvoiceReading;
}

type ListInvoices = (
  productCode: string,
  query: ListInvoicesQuery,
  options: { signal?: AbortSignal | undefined },
) => Promise<InvoiceList>;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function optionIssues(options: ConfirmInvoicePaymentOptions): ConnectIssue[] {
  const { waitMs = 0, timeZone } = options;
  const issues: ConnectIssue[] = [];
  if (!Number.isSafeInteger(waitMs) || waitMs < 0) {
    issues.push({ field: "waitMs", message: "must be a non-negative integer" });
  }
  // The dates by List invoices' own rules, which the list call sends them under.
  const { from, to } = LIST_INVOICES.queryRules;
  issues.push(...issuesOf({ from, to }, options));
  try {
    // Checked before anything is sent, not first when the invoice is read.
    new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions();
  } catch {
    issues.push({ field: "timeZone", message: "must be an IANA time zone, e.g. Europe/Oslo" });
  }
  return issues;
}

/** The one invoice of the list with this number and company, read (only that one is read). */
function find(list: InvoiceList, input: ConfirmInvoicePaymentInput, timeZone?: string) {
  const record = list.invoices.find(
    // The number may come back as an integer (the pages' drift); compared as text.
    ({ invoiceNumber, companyCode }) =>
      invoiceNumber !== undefined &&
      String(invoiceNumber) === input.invoiceNumber &&
      companyCode === input.companyCode,
  );
  return record && readInvoice(record, { timeZone });
}

/**
 * `confirmInvoicePayment` of a client: reads the provider's record of one
 * invoice from the whole list (paid ones included) in a wide date window,
 * and reads it again with backoff while it says unpaid or partly paid,
 * until `waitMs` has passed. A 429 is waited out by each list call as by
 * any other call.
 */
export function createConfirmInvoicePayment(listInvoices: ListInvoices) {
  return async (
    input: ConfirmInvoicePaymentInput,
    options: ConfirmInvoicePaymentOptions = {},
  ): Promise<InvoicePaymentConfirmation> => {
    const { productCode, companyCode, invoiceNumber } = PAY_INVOICE.bodyRules;
    const issues = issuesOf({ productCode, companyCode, invoiceNumber }, input);
    issues.push(...optionIssues(options));
    if (issues.length) throw invalid("confirmInvoicePayment request", issues);
    const { waitMs = 0, signal, timeZone } = options;
    const started = Date.now();
    const query = {
      from: options.from ?? isoDay(started - 3 * 366 * DAY_MS),
      to: options.to ?? isoDay(started + 366 * DAY_MS),
    };
    for (let attempt = 0; ; attempt++) {
      const list = await listInvoices(input.productCode, query, { signal });
      const invoice = find(list, input, timeZone);
      if (!invoice) return { state: "not_found" };
      const { state } = invoice;
      // Backoff from 500 ms, doubling, at most 8 s, never past waitMs.
      const wait = Math.min(500 * 2 ** attempt, 8_000);
      const left = started + waitMs - Date.now();
      if ((state != "unpaid" && state != "partly_paid") || left <= 0) return { state, invoice };
      await sleep(Math.min(wait, left), signal);
      if (signal?.aborted) throw aborted();
    }
  };
}
