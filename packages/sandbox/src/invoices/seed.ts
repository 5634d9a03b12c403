// What each test customer's record holds at the start: two unpaid invoices
// for the spec's example product (the first, with a reminder, is the one the
// spec's Pay invoice example pays), and one invoice per trigger, so a demo or
// a test picks its scenario from the list.
import { SANDBOX_CUSTOMERS } from "../oauth/options.js";
import { loadSpec, requestExample, responseExample } from "../spec.js";
import { SANDBOX_TRIGGERS } from "../triggers.js";
import { addDays, dateLike } from "./values.js";

/**
 * Invoice numbers whose finished payment the provider's record shows in one
 * of its other ways. Pay invoice pays them normally; each is in every test
 * customer's record. README.md lists them.
 */
export const SANDBOX_RECORD_TRIGGERS = {
  /** The record never shows the payment: the invoice stays unpaid. */
  recordNeverUpdates: "2100000000",
  /** The record shows half the invoice paid. */
  partlyPaid: "2100000001",
  /** The invoice disappears from the record (List invoices and List invoice details). */
  disappears: "2100000002",
} as const;

/** The name of one of {@link SANDBOX_RECORD_TRIGGERS}. */
export type SandboxRecordTrigger = keyof typeof SANDBOX_RECORD_TRIGGERS;

const LISTED = responseExample(loadSpec(), "listInvoices", "200") as unknown as {
  invoices: Record<string, unknown>[];
  reminders: Record<string, unknown>[];
};
/** The spec's sample invoice and reminder: every field the provider's page shows. */
const SAMPLE_INVOICE = LISTED.invoices[0]!;
const SAMPLE_REMINDER = LISTED.reminders[0]!;
const PAYMENT = requestExample(loadSpec(), "payInvoice");

/** The product and company of every seeded invoice: those of the spec's Pay invoice example. */
export const SEED_PRODUCT = String(PAYMENT.productCode);
export const SEED_COMPANY = String(PAYMENT.companyCode);
const FIRST_NUMBER = String(PAYMENT.invoiceNumber);

/** An invoice to record: the fields List invoices answers, and its reminders. */
export interface SeedInvoice {
  customer: string;
  fields: Record<string, unknown>;
  reminders: Record<string, unknown>[];
  trigger?: SandboxRecordTrigger;
}

const DAY = 24 * 60 * 60 * 1000;

/** An invoice like the spec's sample, for one customer, dated around `now`. */
export function sampleInvoice(customerIndex: number, now: number, fields: Record<string, unknown>) {
  const invoiceDate =
    (fields.invoiceDate as number | string | undefined) ?? dateLike("day", now, -30);
  return {
    ...SAMPLE_INVOICE,
    customerNumber: SANDBOX_CUSTOMERS[customerIndex]!.customerNumber,
    product: SEED_PRODUCT,
    companyCode: SEED_COMPANY,
    paidAmount: 0,
    paymentDate: addDays(invoiceDate, 10),
    dueDate: addDays(invoiceDate, 14),
    ...fields,
    invoiceDate,
  };
}

/** A reminder of an invoice, like the spec's sample. */
export const sampleReminder = (invoiceNumber: string, now: number) => ({
  ...SAMPLE_REMINDER,
  invoiceNumber: Number(invoiceNumber),
  product: SEED_PRODUCT,
  reminderDate: now - 5 * DAY,
  dueDate: now + 9 * DAY,
});

/** Every test customer's starting record. */
export function seedInvoices(clock: number): SeedInvoice[] {
  // Whole days: two sandboxes started on one day hold the same record.
  const now = Math.floor(clock / DAY) * DAY;
  const triggers: (readonly [string, string, SandboxRecordTrigger | undefined])[] = [
    ...Object.entries(SANDBOX_TRIGGERS).map(([name, number]) => [name, number, undefined] as const),
    ...Object.entries(SANDBOX_RECORD_TRIGGERS).map(
      ([name, number]) => [name, number, name as SandboxRecordTrigger] as const,
    ),
  ];
  return SANDBOX_CUSTOMERS.flatMap(({ id }, index): SeedInvoice[] => [
    {
      customer: id,
      fields: sampleInvoice(index, now, { invoiceNumber: FIRST_NUMBER }),
      reminders: [sampleReminder(FIRST_NUMBER, now)],
    },
    {
      // The other styles of the pages: a number amount and epoch-millisecond dates.
      customer: id,
      fields: sampleInvoice(index, now, {
        invoiceNumber: String(Number(FIRST_NUMBER) + 1),
        invoiceAmount: 149,
        amount: 149,
        invoiceDate: Number(dateLike("epoch", now, -3)),
      }),
      reminders: [],
    },
    ...triggers.map(([name, number, trigger], n) => ({
      customer: id,
      fields: sampleInvoice(index, now, {
        invoiceNumber: number,
        invoiceDate: dateLike("day", now, -90 + n),
        // Not a provider field: it says which scenario the invoice plays.
        sandboxTrigger: name,
      }),
      reminders: [],
      ...(trigger ? { trigger } : {}),
    })),
  ]);
}
