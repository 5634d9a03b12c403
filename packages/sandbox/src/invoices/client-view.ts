// An invoice of the record as the client-mode operations answer it, in the
// shape of the provider's client-mode sample: `invoiceId` where user mode has
// `invoiceNumber`, numeric amounts, epoch-millisecond dates. The sandbox's
// choices where the provider is silent (README, "Client mode"):
// `invoiceId` is the user-mode `invoiceNumber` as text, and `invoiceHotelUrl`,
// `customerNumber`, `companyCode` and `product` are the same in both modes.
import type { SandboxInvoice } from "./input.js";
import { minorUnits } from "./values.js";

const AMOUNTS = ["invoiceAmount", "paidAmount", "amount"] as const;
const DATES = ["invoiceDate", "dueDate", "paymentDate"] as const;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The user-mode invoice in the client-mode shape. */
export function clientInvoiceOf(invoice: SandboxInvoice): Record<string, unknown> {
  const { invoiceNumber, ...fields } = invoice;
  const answer: Record<string, unknown> = { invoiceId: String(invoiceNumber), ...fields };
  for (const name of AMOUNTS) {
    const units = minorUnits(answer[name]);
    if (units !== undefined) answer[name] = units / 100;
  }
  for (const name of DATES) {
    const day = typeof answer[name] === "string" ? DAY.exec(answer[name]) : null;
    // 10:00 UTC, as the provider's sample dates are: the same day in Europe/Oslo all year.
    if (day) answer[name] = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 10);
  }
  return answer;
}
