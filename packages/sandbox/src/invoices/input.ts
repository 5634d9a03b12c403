// An invoice a test adds through the control API or the handle: checked
// field by field (each bad one named), with the drift the provider's pages
// show allowed on purpose: amounts as "295.00" or 295, dates as
// "2022-01-21" or epoch milliseconds.
import type { components } from "@connect-payment/types";
import { SandboxControlError } from "../control-error.js";
import { SANDBOX_CUSTOMERS } from "../oauth/options.js";
import { createSchemaCheck } from "../request-schema.js";
import { loadSpec } from "../spec.js";
import {
  sampleInvoice,
  sampleReminder,
  SEED_COMPANY,
  SEED_PRODUCT,
  type SeedInvoice,
} from "./seed.js";
import {
  addDays,
  dateLike,
  isInvoiceDate,
  minorUnits,
  type Amount,
  type InvoiceDate,
} from "./values.js";

/**
 * An invoice of the sandbox's record as List invoices answers it: the spec's
 * `Invoice`, with the fields the sandbox always sets, and `sandboxTrigger` on
 * the trigger invoices (not a provider field).
 */
export type SandboxInvoice = components["schemas"]["Invoice"] & {
  /** The number to pay it with (Pay invoice's `invoiceNumber`). */
  invoiceNumber: string;
  /** The product code (Pay invoice's `productCode`). */
  product: string;
  /** The company code (Pay invoice's `companyCode`). */
  companyCode: string;
  /** What was invoiced, as a decimal string or a number, as the provider's pages show both. */
  invoiceAmount: Amount;
  /** What has been paid, typed like `invoiceAmount`. */
  paidAmount: Amount;
  /** When it was issued: `YYYY-MM-DD` or epoch milliseconds. */
  invoiceDate: InvoiceDate;
  /** When it falls due: `YYYY-MM-DD` or epoch milliseconds. */
  dueDate: InvoiceDate;
  /** Which trigger the invoice plays, e.g. `"notAdded"`; only on the trigger invoices. */
  sandboxTrigger?: string;
};

/** An invoice to add to a test customer's record; every field has a default. */
export interface SandboxInvoiceInput {
  /** A test customer's id (`SANDBOX_CUSTOMERS`); default the first, `kari`. */
  customer?: string;
  /** Default the spec's Pay invoice example's product. */
  productCode?: string;
  /** Default the spec's Pay invoice example's company. */
  companyCode?: string;
  /** What Pay invoice takes (1 to 10 characters); a whole number is written as one. Default: the next free number. */
  invoiceNumber?: string | number;
  /** `"295.00"` or `295`: the answer keeps the style given. Default the spec sample's. */
  invoiceAmount?: Amount;
  /** What is paid already, either style; default 0. */
  paidAmount?: Amount;
  /** `"2022-01-21"` or epoch milliseconds; default today (Europe/Oslo). */
  invoiceDate?: InvoiceDate;
  /** Either style; default 14 days after `invoiceDate`. */
  dueDate?: InvoiceDate;
  /** Add a reminder (number 1) to the invoice. */
  reminder?: boolean;
}

const checkPayable = createSchemaCheck(
  loadSpec(),
  "/components/schemas/PayInvoiceRequest/properties/invoiceNumber",
  "invoiceNumber",
);

const isCode = (value: unknown) =>
  typeof value === "string" && value.length >= 1 && value.length <= 12;

/** The checked invoice, or a `SandboxControlError` naming every bad field. */
export function invoiceFromInput(
  input: SandboxInvoiceInput,
  now: number,
  nextNumber: () => string,
): SeedInvoice {
  const problems: string[] = [];
  const customer = input.customer ?? SANDBOX_CUSTOMERS[0]!.id;
  const index = SANDBOX_CUSTOMERS.findIndex(({ id }) => id === customer);
  if (index === -1) {
    problems.push(`customer must be one of ${SANDBOX_CUSTOMERS.map(({ id }) => id).join(", ")}`);
  }
  for (const field of ["productCode", "companyCode"] as const) {
    if (input[field] !== undefined && !isCode(input[field])) {
      problems.push(`${field} must be a string of 1 to 12 characters`);
    }
  }
  const invoiceNumber =
    typeof input.invoiceNumber === "number" && Number.isSafeInteger(input.invoiceNumber)
      ? String(input.invoiceNumber)
      : (input.invoiceNumber ?? nextNumber());
  if (checkPayable(invoiceNumber).length > 0 || invoiceNumber === "") {
    problems.push("invoiceNumber must be what Pay invoice takes: 1 to 10 characters");
  }
  for (const field of ["invoiceAmount", "paidAmount"] as const) {
    if (input[field] !== undefined && minorUnits(input[field]) === undefined) {
      problems.push(
        `${field} must be an amount: a decimal string or a number, two decimals at most`,
      );
    }
  }
  for (const field of ["invoiceDate", "dueDate"] as const) {
    if (input[field] !== undefined && !isInvoiceDate(input[field])) {
      problems.push(`${field} must be a date, "YYYY-MM-DD" or epoch milliseconds`);
    }
  }
  if (input.reminder !== undefined && typeof input.reminder !== "boolean") {
    problems.push("reminder must be true or false");
  }
  if (problems.length > 0) throw new SandboxControlError(problems.join("; "));
  return build(input, customer, index, String(invoiceNumber), now);
}

function build(
  input: SandboxInvoiceInput,
  customer: string,
  index: number,
  invoiceNumber: string,
  now: number,
): SeedInvoice {
  const invoiceDate = input.invoiceDate ?? dateLike("day", now, 0);
  const defined = Object.fromEntries(
    Object.entries({
      invoiceAmount: input.invoiceAmount,
      paidAmount: input.paidAmount,
      dueDate: input.dueDate ?? addDays(invoiceDate, 14),
    }).filter(([, value]) => value !== undefined),
  );
  const fields = sampleInvoice(index, now, {
    invoiceNumber,
    product: input.productCode ?? SEED_PRODUCT,
    companyCode: input.companyCode ?? SEED_COMPANY,
    invoiceDate,
    ...defined,
  });
  const reminders = input.reminder
    ? [{ ...sampleReminder(invoiceNumber, now), product: fields.product }]
    : [];
  return { customer, fields, reminders };
}
