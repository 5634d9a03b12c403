// Amounts and dates as the provider's Invoice pages show them, each in two
// styles: amounts as "295.00" or 295, dates as "2022-01-21" or epoch
// milliseconds. The record keeps each invoice in the style it was given and
// reads both the same way.

/** An amount in either style. */
export type Amount = string | number;
/** A date in either style. */
export type InvoiceDate = string | number;

const DECIMAL = /^\d{1,13}(\.\d{1,2})?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minor units (two decimals assumed); `undefined` for what is not an amount. */
export function minorUnits(amount: unknown): number | undefined {
  if (typeof amount === "string" && DECIMAL.test(amount)) return Math.round(Number(amount) * 100);
  if (typeof amount === "number" && Number.isFinite(amount) && amount >= 0 && amount < 1e13) {
    return Math.round(amount * 100);
  }
  return undefined;
}

/** Minor units written in the style of `like`: "147.50" for a string, 147.5 for a number. */
export const amountLike = (like: Amount, units: number): Amount =>
  typeof like === "string" ? (units / 100).toFixed(2) : units / 100;

/** Is this a real calendar day written `YYYY-MM-DD`? */
export function isDay(text: unknown): text is string {
  const match = typeof text === "string" ? DAY.exec(text) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

const OSLO = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The day of a date in either style (epoch milliseconds read in Europe/Oslo, the provider's zone). */
export function dayOf(date: InvoiceDate): string {
  return typeof date === "string" ? date : OSLO.format(new Date(date));
}

/** Is this a date in either style: a `YYYY-MM-DD` day or whole epoch milliseconds? */
export const isInvoiceDate = (value: unknown): value is InvoiceDate =>
  isDay(value) || (Number.isSafeInteger(value) && (value as number) >= 0);

/** The day `days` after `from` (negative: before), in the style of `like`. */
export function dateLike(like: "day" | "epoch", from: number, days: number): InvoiceDate {
  const at = from + days * 24 * 60 * 60 * 1000;
  return like === "epoch" ? at : OSLO.format(new Date(at));
}

/** The date `days` after `date`, in its style. */
export function addDays(date: InvoiceDate, days: number): InvoiceDate {
  if (typeof date === "number") return date + days * 24 * 60 * 60 * 1000;
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
