import { invalid } from "./errors.js";
import { isCalendarDate, isObject } from "./validate.js";

/**
 * What an invoice's record says of its payment: `paid` (the paid amount
 * reaches the invoiced amount), `partly_paid`, `unpaid` (nothing paid), or
 * `unknown` (an amount is missing or cannot be read).
 */
export type InvoiceState = "paid" | "partly_paid" | "unpaid" | "unknown";

/** Options of {@link readInvoice}. */
export interface ReadInvoiceOptions {
  /**
   * The IANA time zone in which a date given as epoch milliseconds is a
   * calendar day. Default `"Europe/Oslo"`, the provider's: an assumption, as
   * the provider does not say.
   */
  timeZone?: string | undefined;
}

/** An invoice (or reminder) of List invoices, read without tripping over the pages' type drift. */
export interface InvoiceReading {
  /** The invoice number as a string (the answer gives a string or an integer); undefined when absent. */
  invoiceNumber: string | undefined;
  /** The company code, as given. */
  companyCode: string | undefined;
  /** `invoiceAmount` in minor units (øre, öre: hundredths), exact; undefined when it cannot be read. */
  invoicedMinor: number | undefined;
  /** `paidAmount` in minor units, exact; undefined when it cannot be read. */
  paidMinor: number | undefined;
  /** `invoiceDate` as `YYYY-MM-DD`. */
  invoiceDate: string | undefined;
  /** `dueDate` as `YYYY-MM-DD`. */
  dueDate: string | undefined;
  /** `paymentDate` as `YYYY-MM-DD` (whether of a payment made or expected is not documented). */
  paymentDate: string | undefined;
  /** The state, read from `invoiceAmount` and `paidAmount` alone. */
  state: InvoiceState;
  /** The fields the state was read from: `["invoiceAmount", "paidAmount"]`. */
  readFrom: readonly ["invoiceAmount", "paidAmount"];
  /** `paymentStatus` as given, not interpreted: the provider does not document its codes. */
  paymentStatus: string | undefined;
  /** The record as the API answered it, every field included. */
  record: Readonly<Record<string, unknown>>;
}

const READ_FROM = Object.freeze(["invoiceAmount", "paidAmount"] as const);

/**
 * An amount as a whole number of minor units, two decimals assumed (the pages
 * name no currency or scale): "295.00", 295 and 295.0 are 29500, and
 * 0.30000000000000004 is 30, the float noise of 0.1 + 0.2. Undefined for
 * anything else: another decimal mark, a third decimal that is not zero, a
 * number beyond what JavaScript counts exactly.
 */
export function minorUnits(value: unknown): number | undefined {
  let minor: number;
  if (typeof value == "string") {
    const match = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(value);
    const decimals = match?.[3] ?? "";
    if (!match || !/^\d{0,2}0*$/.test(decimals)) return undefined;
    minor = Number((match[2] ?? "") + decimals.slice(0, 2).padEnd(2, "0")) * (match[1] ? -1 : 1);
  } else if (typeof value == "number") {
    minor = Math.round(value * 100);
    // A third decimal (1.005) is not float noise: the amount is not in minor units.
    if (Math.abs(minor - value * 100) > 1e-6 * Math.max(1, Math.abs(minor))) return undefined;
  } else {
    return undefined;
  }
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** The state of an invoice from its amounts in minor units. */
export function stateOf(invoiced: number | undefined, paid: number | undefined): InvoiceState {
  // A negative invoice (a credit) or payment is not documented: not guessed at.
  if (invoiced === undefined || paid === undefined || invoiced < 0 || paid < 0) return "unknown";
  if (paid >= invoiced) return "paid";
  return paid > 0 ? "partly_paid" : "unpaid";
}

function dayReader(timeZone: string) {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
  } catch (cause) {
    throw invalid(
      "readInvoice options",
      [{ field: "timeZone", message: "must be an IANA time zone, e.g. Europe/Oslo" }],
      cause,
    );
  }
  /** A date as `YYYY-MM-DD`: a calendar date as given, or epoch milliseconds read in the time zone. */
  return (value: unknown): string | undefined => {
    if (typeof value == "string") return isCalendarDate(value) ? value : undefined;
    if (!Number.isSafeInteger(value) || Math.abs(value as number) > 8.64e15) return undefined;
    const parts = Object.fromEntries(
      format.formatToParts(value as number).map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

const text = (value: unknown) =>
  typeof value == "string" ? value : typeof value == "number" ? String(value) : undefined;

/**
 * Reads an invoice (or a reminder) of `listInvoices` without tripping over
 * the drift between the provider's pages: amounts as exact integer minor
 * units (two decimals assumed: "295.00", 295 and 295.0 read the same), dates
 * as `YYYY-MM-DD` (epoch milliseconds read in `Europe/Oslo` unless
 * `timeZone` says otherwise), and the state read from `invoiceAmount` and
 * `paidAmount` alone (named in `readFrom`). The provider does not document
 * its `paymentStatus` codes, so the state never reads them; the code is
 * passed through as given. A field that cannot be read is undefined, never
 * guessed; the state is then `unknown`.
 *
 * @param record - one item of `invoices` (or `reminders`) as the API answered it
 * @param options - `timeZone` for dates in epoch milliseconds
 * @throws {@link ConnectError} `invalid_request` for a time zone the runtime does not know
 *
 * @example
 * ```ts
 * import { createConnectClient, readInvoice } from "@connect-payment/client";
 *
 * declare const customerAccessToken: string;
 * const client = createConnectClient({ accessToken: customerAccessToken });
 * const { invoices } = await client.listInvoices("CO27409", { unpaid: true });
 * for (const invoice of invoices.map((record) => readInvoice(record))) {
 *   console.log(invoice.invoiceNumber, invoice.state, invoice.invoicedMinor, invoice.dueDate);
 * }
 * ```
 */
export function readInvoice(record: object, options: ReadInvoiceOptions = {}): InvoiceReading {
  const day = dayReader(options.timeZone ?? "Europe/Oslo");
  const fields: Record<string, unknown> = isObject(record) ? record : {};
  const invoicedMinor = minorUnits(fields.invoiceAmount);
  const paidMinor = minorUnits(fields.paidAmount);
  return {
    invoiceNumber: text(fields.invoiceNumber),
    companyCode: typeof fields.companyCode == "string" ? fields.companyCode : undefined,
    invoicedMinor,
    paidMinor,
    invoiceDate: day(fields.invoiceDate),
    dueDate: day(fields.dueDate),
    paymentDate: day(fields.paymentDate),
    state: stateOf(invoicedMinor, paidMinor),
    readFrom: READ_FROM,
    paymentStatus: text(fields.paymentStatus),
    record: fields,
  };
}
