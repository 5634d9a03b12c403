// The provider's record of each test customer's invoices, as List invoices
// and List invoice details read it. A finished payment lands in the record
// after `paidRecordDelayMs` (the provider's record may lag the customer's
// return); every other outcome, and a return link typed by hand, leave it
// as it was. Time is read from a clock, never from timers.
import { SandboxControlError } from "../control-error.js";
import { SANDBOX_CUSTOMERS } from "../oauth/options.js";
import type { PayPageOutcome } from "../transactions.js";
import { invoiceFromInput, type SandboxInvoice, type SandboxInvoiceInput } from "./input.js";
import { seedInvoices, type SandboxRecordTrigger, type SeedInvoice } from "./seed.js";
import { amountLike, dayOf, minorUnits, type InvoiceDate } from "./values.js";

/** Invoices added without a number are numbered from here on. */
const FIRST_ADDED_NUMBER = 9_000_000;

/** How long a finished payment takes to show in the record by default: short, never zero. */
export const DEFAULT_PAID_RECORD_DELAY_MS = 1000;

export interface RecordSettings {
  /** How long a finished payment takes to show in the record. */
  paidRecordDelayMs: number;
  /** Without `from` and `to`: only the latest invoice (as the provider says) or all. */
  invoicesWithoutDates: "latest" | "all";
  clock: () => number;
}

interface Recorded extends SeedInvoice {
  /** Order of recording: the later of two invoices of one day is the latest. */
  order: number;
  /** Finished payments, each counted from `landsAt`. */
  payments: { units: number; landsAt: number }[];
  /** When the invoice leaves the record (the `disappears` trigger). */
  goneAt?: number;
}

/** Which invoices to list: the query of List invoices. */
export interface InvoiceFilter {
  unpaid?: boolean;
  from?: string;
  to?: string;
  /**
   * Client mode: an invoice paid within `from`..`to` is answered too, however
   * old ("invoices/payments returned", the provider's page says).
   */
  paidWithin?: boolean;
}

/** What Pay invoice names: the invoice, its company and its product. */
export interface InvoiceKey {
  invoiceNumber: string;
  companyCode: string;
  productCode: string;
}

export class InvoiceRecord {
  #invoices: Recorded[] = [];
  #order = 0;
  /** The invoice each transaction pays, until its outcome is known. */
  readonly #paying = new Map<number, Recorded>();

  constructor(readonly settings: RecordSettings) {
    this.reset();
  }

  /** Back to the starting record: the seeded invoices only, none paid. */
  reset(): void {
    this.#invoices = [];
    this.#paying.clear();
    for (const seed of seedInvoices(this.settings.clock())) this.add(seed);
  }

  /** Adds an invoice a test describes; `SandboxControlError` for a bad field or one already held. */
  addInput(input: SandboxInvoiceInput): SandboxInvoice {
    const invoice = invoiceFromInput(input, this.settings.clock(), () =>
      String(FIRST_ADDED_NUMBER + this.#order),
    );
    const { fields } = invoice;
    const key = {
      invoiceNumber: String(fields.invoiceNumber),
      companyCode: String(fields.companyCode),
      productCode: String(fields.product),
    };
    if (this.find(invoice.customer, key)) {
      throw new SandboxControlError(
        `invoiceNumber ${key.invoiceNumber} of company ${key.companyCode} is already in ${invoice.customer}'s record`,
      );
    }
    return this.add(invoice);
  }

  add(invoice: SeedInvoice): SandboxInvoice {
    const recorded = { ...invoice, order: this.#order++, payments: [] };
    this.#invoices.push(recorded);
    return this.#view(recorded);
  }

  /** The customer a request is for: the token's, or the first test customer. */
  static customerOf(customer: string | undefined): string {
    return customer ?? SANDBOX_CUSTOMERS[0]!.id;
  }

  /** The customer's invoice Pay invoice names, if the record holds it. */
  find(customer: string | undefined, key: InvoiceKey): Recorded | undefined {
    return this.#visible(customer).find(
      ({ fields }) =>
        String(fields.invoiceNumber) === key.invoiceNumber &&
        fields.companyCode === key.companyCode &&
        fields.product === key.productCode,
    );
  }

  /** Pay invoice started a transaction for this invoice. */
  paying(transactionId: number, invoice: Recorded): void {
    this.#paying.set(transactionId, invoice);
  }

  /** The customer chose on the pay page: only `finished` changes the record, and only later. */
  decided(transactionId: number, outcome: PayPageOutcome): void {
    const invoice = this.#paying.get(transactionId);
    this.#paying.delete(transactionId);
    if (!invoice || outcome !== "finished") return;
    const landsAt = this.settings.clock() + this.settings.paidRecordDelayMs;
    const trigger: SandboxRecordTrigger | undefined = invoice.trigger;
    if (trigger === "recordNeverUpdates") return;
    if (trigger === "disappears") {
      invoice.goneAt = landsAt;
      return;
    }
    const owed = this.#owedUnits(invoice);
    const units = trigger === "partlyPaid" ? Math.floor(owed / 2) : owed;
    invoice.payments.push({ units, landsAt });
  }

  /** The test customer with this customer number; `undefined` for any other number. */
  static customerNumbered(customerNumber: number): string | undefined {
    return SANDBOX_CUSTOMERS.find((customer) => customer.customerNumber === customerNumber)?.id;
  }

  /**
   * List invoices: the customer's invoices and their reminders for one
   * product (every product when `product` is `undefined`, as client mode's
   * all-products list reads it).
   */
  list(customer: string | undefined, product: string | undefined, filter: InvoiceFilter) {
    let invoices = this.#visible(customer).filter(
      ({ fields }) => product === undefined || fields.product === product,
    );
    if (filter.unpaid) invoices = invoices.filter((invoice) => this.#owedUnits(invoice) > 0);
    if (filter.from !== undefined || filter.to !== undefined) {
      const { from = "0000-00-00", to = "9999-99-99" } = filter;
      const within = (day: string) => day >= from && day <= to;
      const now = this.settings.clock();
      invoices = invoices.filter(
        (invoice) =>
          within(dayOf(invoice.fields.invoiceDate as InvoiceDate)) ||
          (filter.paidWithin === true &&
            invoice.payments.some(({ landsAt }) => landsAt <= now && within(dayOf(landsAt)))),
      );
    } else if (this.settings.invoicesWithoutDates === "latest") {
      invoices = latest(invoices);
    }
    return {
      invoices: invoices.map((invoice) => this.#view(invoice)),
      reminders: invoices.flatMap((invoice) => invoice.reminders),
    };
  }

  /** List invoice details: one invoice (reminder 0) or one of its reminders. */
  details(
    customer: string | undefined,
    companyCode: string,
    invoiceNumber: number,
    reminderNumber: number,
  ): SandboxInvoice | undefined {
    const invoice = this.#visible(customer).find(
      ({ fields }) =>
        fields.companyCode === companyCode &&
        String(fields.invoiceNumber) === String(invoiceNumber),
    );
    if (!invoice) return undefined;
    if (reminderNumber === 0) return this.#view(invoice);
    const reminder = invoice.reminders.find((r) => r.reminderNumber === reminderNumber);
    return reminder && { ...this.#view(invoice), reminder };
  }

  /** Every invoice of the record as List invoices would show it, oldest recorded first. */
  all(customer?: string): SandboxInvoice[] {
    const invoices = customer === undefined ? this.#invoices : this.#visible(customer);
    const now = this.settings.clock();
    return invoices.filter((invoice) => !gone(invoice, now)).map((invoice) => this.#view(invoice));
  }

  #visible(customer: string | undefined): Recorded[] {
    const who = InvoiceRecord.customerOf(customer);
    const now = this.settings.clock();
    return this.#invoices.filter((invoice) => invoice.customer === who && !gone(invoice, now));
  }

  #paidUnits(invoice: Recorded): number {
    const now = this.settings.clock();
    const landed = invoice.payments.filter(({ landsAt }) => landsAt <= now);
    return (
      (minorUnits(invoice.fields.paidAmount) ?? 0) +
      landed.reduce((sum, { units }) => sum + units, 0)
    );
  }

  #owedUnits(invoice: Recorded): number {
    const invoiced = minorUnits(invoice.fields.invoiceAmount);
    // An amount the record cannot read is owed: never taken for paid.
    return invoiced === undefined ? 1 : Math.max(0, invoiced - this.#paidUnits(invoice));
  }

  /** The invoice as answered: `paidAmount` counts the payments that have landed. */
  #view(invoice: Recorded): SandboxInvoice {
    // Every recorded invoice is built by `sampleInvoice`, which sets the fields SandboxInvoice names.
    const fields = invoice.fields as SandboxInvoice;
    if (invoice.payments.length === 0) return { ...fields };
    return { ...fields, paidAmount: amountLike(fields.paidAmount, this.#paidUnits(invoice)) };
  }
}

const gone = (invoice: Recorded, now: number) =>
  invoice.goneAt !== undefined && invoice.goneAt <= now;

/** The latest invoice (by invoice date, then by recording); none of none. */
function latest(invoices: Recorded[]): Recorded[] {
  const sorted = [...invoices].sort((a, b) => {
    const byDay = dayOf(a.fields.invoiceDate as InvoiceDate).localeCompare(
      dayOf(b.fields.invoiceDate as InvoiceDate),
    );
    return byDay !== 0 ? byDay : a.order - b.order;
  });
  return sorted.slice(-1);
}
