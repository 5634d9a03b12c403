// What the customer owes, from the provider's list (List invoices, unpaid
// only), and the shop's server-side copy of it: POST /pay pays an invoice
// of that copy, never numbers the form made up.
import { readInvoice, type ConnectClient } from "@connect-payment/client";
import type { InvoiceRow, ReminderRow } from "./account-pages.js";
import { PRODUCT, scenarioOf } from "./invoice.js";

/** What Pay invoice and the record need of an invoice; kept on the server. */
export interface OwedInvoice {
  productCode: string;
  companyCode: string;
  invoiceNumber: string;
  /** The customer's number, when the record gave it: the back office reads client mode by it. */
  customerNumber?: number;
}

export interface Owed {
  invoices: OwedInvoice[];
  rows: InvoiceRow[];
  reminders: ReminderRow[];
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The dates to ask for: without `from` and `to` the provider may answer only
 * the latest invoice, so the list asks for three years back and a year ahead.
 */
export function listWindow(now = Date.now()): { from: string; to: string } {
  return { from: isoDay(now - 3 * 365 * DAY_MS), to: isoDay(now + 365 * DAY_MS) };
}

/** The customer's unpaid invoices and reminders for the shop's product; plain invoices first. */
export async function listOwed(client: ConnectClient): Promise<Owed> {
  const { invoices, reminders } = await client.listInvoices(PRODUCT.productCode, {
    unpaid: true,
    ...listWindow(),
  });
  const payable = invoices
    .map((record) => ({ record, read: readInvoice(record) }))
    // Pay invoice needs both; an invoice the record gives without them cannot be paid here.
    .flatMap(({ record, read }) =>
      read.invoiceNumber && read.companyCode
        ? [{ record, read, invoiceNumber: read.invoiceNumber, companyCode: read.companyCode }]
        : [],
    )
    .map((invoice) => ({ ...invoice, scenario: scenarioOf(invoice.invoiceNumber) }))
    // The sandbox's trigger invoices after the plain ones: the first one offered pays normally.
    .sort((a, b) => Number(a.scenario !== undefined) - Number(b.scenario !== undefined));
  return {
    invoices: payable.map(({ record, invoiceNumber, companyCode }) => ({
      productCode: record.product ?? PRODUCT.productCode,
      companyCode,
      invoiceNumber,
      ...(Number.isSafeInteger(record.customerNumber) && { customerNumber: record.customerNumber }),
    })),
    rows: payable.map(({ record, read, invoiceNumber, scenario }) => ({
      invoiceNumber,
      description: record.productName ?? PRODUCT.description,
      amount: money(read.invoicedMinor),
      dueDate: read.dueDate,
      scenario,
    })),
    reminders: reminders.map((reminder) => {
      const read = readInvoice(reminder);
      return {
        invoiceNumber: read.invoiceNumber ?? "",
        amount: money(minorOf(reminder)),
        dueDate: read.dueDate,
      };
    }),
  };
}

/** A reminder's `amount` (it has no `invoiceAmount`), read as `readInvoice` reads amounts. */
function minorOf(reminder: object): number | undefined {
  const amount = (reminder as { amount?: unknown }).amount;
  return readInvoice({ invoiceAmount: amount, paidAmount: 0 }).invoicedMinor;
}

/**
 * Minor units as the customer reads them, e.g. "295.00"; "" when the record's
 * amount could not be read. The provider's pages name no currency, so none is shown.
 */
function money(minor: number | undefined): string {
  if (minor === undefined) return "";
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
