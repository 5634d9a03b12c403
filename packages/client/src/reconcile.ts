// The back office's job: of the payments a merchant started and has not
// confirmed, find which the provider's record now shows paid, reading it in
// client mode (no customer there), one call per customer and product, within
// a share of the rate limits, resumable from a checkpoint.
import { invalid, type ConnectIssue } from "./errors.js";
import { rateBudget, systemClock, type Clock } from "./rate-budget.js";

/** A payment the merchant started and stored, to confirm later. */
export interface StartedPayment {
  /** The customer's number (on every invoice the customer listed). */
  customerNumber: number;
  /** The `productCode` the payment was started with. */
  productCode: string;
  /** The `companyCode` the payment was started with. */
  companyCode: string;
  /** The `invoiceNumber` the payment was started with. */
  invoiceNumber: string;
  /** The invoice's `invoiceHotelUrl` as listed, when the merchant kept it: both modes carry it. */
  invoiceHotelUrl?: string;
  /** When the payment started, in milliseconds since the epoch: the record is read from three years before it. */
  startedAt: number;
}

/** What the record says of one payment; grant when `state` is `"paid"`. */
export interface Reconciled<State extends string> {
  /** The payment, as given. */
  payment: StartedPayment;
  /** {@link paymentKey} of the payment: grant at most once per key. */
  key: string;
  /** What the record says: `judge`'s answer for the matching invoice, or `not_found` when none matches. */
  state: State | "not_found";
  /** The record's invoice, when one matched. */
  invoice?: Record<string, unknown>;
  /** Store it: passed back as `checkpoint`, a later call skips the groups this one finished (`""`: none yet). */
  checkpoint: string;
}

/** The one call the reconciliation makes: a customer's invoices for a product, in client mode. */
export interface ClientModeReader {
  /** As `client.listClientInvoicesForProduct` of a client created with the merchant's own token. */
  listClientInvoicesForProduct(
    customerNumber: number,
    productCode: string,
    query: { from?: string; to?: string },
    options?: { signal?: AbortSignal | undefined },
  ): Promise<readonly Record<string, unknown>[]>;
}

/** What {@link reconcilePayments} takes. */
export interface ReconcileOptions<State extends string> {
  /** The payments started and not yet confirmed, as the merchant stored them. */
  payments: readonly StartedPayment[];
  /** The state of a record's invoice; `readInvoice(invoice).state` reads it as the guide says. */
  judge: (invoice: Record<string, unknown>) => State;
  /** Whether a record's invoice is the one a payment was for; default {@link sameInvoice}. */
  match?: (invoice: Record<string, unknown>, payment: StartedPayment) => boolean;
  /** From an earlier call: the groups it finished are skipped. */
  checkpoint?: string | undefined;
  /** The share of the provider's rate limits this job may use; default 0.5. */
  share?: number;
  /** Where the time comes from; the real clock by default (a test or a benchmark runs it faster). */
  clock?: Clock;
  /** Stops the run before its next call. */
  signal?: AbortSignal | undefined;
}

/**
 * The key to grant a payment at most once by: one invoice is paid once.
 *
 * @param payment - a payment as stored when it started
 *
 * @example
 * ```ts
 * import { paymentKey } from "@connect-payment/client";
 *
 * const key = paymentKey({
 *   customerNumber: 42,
 *   productCode: "P1",
 *   companyCode: "C1",
 *   invoiceNumber: "9001",
 *   startedAt: Date.now(),
 * }); // "C1/P1/9001": a unique column in the table of what was granted
 * ```
 */
export const paymentKey = (payment: StartedPayment): string =>
  [payment.companyCode, payment.productCode, payment.invoiceNumber].join("/");

/**
 * The default matcher, on what both modes carry as far as the record shows
 * it: the same `companyCode`, and then the `invoiceNumber` when the record has
 * one, else the `invoiceHotelUrl` when both have it, else the record's
 * `invoiceId` read as the invoice number. The provider does not say how
 * `invoiceId` relates to `invoiceNumber`: pass `match` to decide otherwise.
 *
 * @param invoice - an invoice of the record, as client mode answers it
 * @param payment - a payment as stored when it started
 *
 * @example
 * ```ts
 * import { sameInvoice, type StartedPayment } from "@connect-payment/client";
 *
 * // A stricter rule: the default's, and the same product too.
 * const match = (invoice: Record<string, unknown>, payment: StartedPayment) =>
 *   sameInvoice(invoice, payment) && invoice.product === payment.productCode;
 * ```
 */
export function sameInvoice(invoice: Record<string, unknown>, payment: StartedPayment): boolean {
  if (invoice.companyCode !== payment.companyCode) return false;
  if (invoice.invoiceNumber !== undefined) {
    return idText(invoice.invoiceNumber) === payment.invoiceNumber;
  }
  if (typeof invoice.invoiceHotelUrl == "string" && payment.invoiceHotelUrl) {
    return invoice.invoiceHotelUrl === payment.invoiceHotelUrl;
  }
  return idText(invoice.invoiceId) === payment.invoiceNumber;
}

const DAY_MS = 86_400_000;
/** An id as text: the record gives numbers as strings or numbers; anything else matches nothing. */
const idText = (value: unknown) =>
  typeof value == "string" || typeof value == "number" ? String(value) : undefined;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const groupKey = (p: StartedPayment) => `${p.customerNumber}/${p.productCode}`;
// Groups in one fixed order, so a checkpoint means the same on every call.
const byGroup = (a: StartedPayment, b: StartedPayment) =>
  a.customerNumber - b.customerNumber ||
  (a.productCode < b.productCode ? -1 : +(a.productCode > b.productCode));

/**
 * Reads the record once per customer and product, and yields each payment
 * once with what the record says. Stops at the first error (a 429 past the
 * client's retries, a network failure): store the last checkpoint, call again.
 *
 * @param reader - a client created with the merchant's own token (client mode)
 * @param options - the payments, how to judge an invoice, and the checkpoint of an earlier call
 *
 * @example
 * ```ts
 * import { createConnectClient, readInvoice, reconcilePayments, type StartedPayment } from "@connect-payment/client";
 *
 * declare const merchantToken: () => Promise<string>; // createClientCredentialsSource(…) of @connect-payment/oauth
 * declare function unconfirmedPayments(): Promise<StartedPayment[]>;
 * declare function loadCheckpoint(): Promise<string | undefined>;
 * declare function saveCheckpoint(checkpoint: string): Promise<void>;
 * declare function grantOnce(key: string, payment: StartedPayment): Promise<void>;
 *
 * const backOffice = createConnectClient({ accessToken: merchantToken });
 * for await (const result of reconcilePayments(backOffice, {
 *   payments: await unconfirmedPayments(),
 *   judge: (invoice) => readInvoice(invoice).state,
 *   checkpoint: await loadCheckpoint(),
 * })) {
 *   if (result.state === "paid") await grantOnce(result.key, result.payment);
 *   await saveCheckpoint(result.checkpoint);
 * }
 * ```
 */
export async function* reconcilePayments<State extends string>(
  reader: ClientModeReader,
  options: ReconcileOptions<State>,
): AsyncGenerator<Reconciled<State>> {
  const {
    judge,
    match = sameInvoice,
    checkpoint,
    share = 0.5,
    clock = systemClock,
    signal,
  } = options;
  const payments = checkedPayments(options);
  const budget = rateBudget(share, clock);
  // (Map.groupBy would do; Node 20 has none.)
  const groups = new Map<string, StartedPayment[]>();
  for (const payment of [...payments].sort(byGroup)) {
    const key = groupKey(payment);
    const group = groups.get(key);
    if (group) group.push(payment);
    else groups.set(key, [payment]);
  }
  // Resume after the checkpoint's group, by order: the payments may have changed since.
  const done = checkpoint ? parseGroup(checkpoint) : undefined;
  let finished = checkpoint ?? "";
  for (const [key, group] of groups) {
    const { customerNumber, productCode } = group[0]!;
    if (done && byGroup(group[0]!, done) <= 0) continue;
    const earliest = Math.min(...group.map((p) => p.startedAt));
    await budget.take(signal);
    const invoices = await reader.listClientInvoicesForProduct(
      customerNumber,
      productCode,
      // The invoice is older than its payment, and the pages do not say which
      // date `from` filters on: three years before the earliest payment (as
      // confirmInvoicePayment reads), to a day after now (the provider's days
      // are Europe/Oslo's, these UTC's).
      { from: day(earliest - 3 * 366 * DAY_MS), to: day(clock.now() + DAY_MS) },
      { signal },
    );
    for (const [index, payment] of group.entries()) {
      // Only the group's last result moves the checkpoint past it: a call cut
      // short inside a group reads that group again next time.
      if (index === group.length - 1) finished = key;
      const invoice = invoices.find((candidate) => match(candidate, payment));
      yield {
        payment,
        key: paymentKey(payment),
        state: invoice ? judge(invoice) : "not_found",
        ...(invoice && { invoice }),
        checkpoint: finished,
      };
    }
  }
}

/** The group a checkpoint names, as a payment to compare by. */
function parseGroup(checkpoint: string): StartedPayment {
  const at = checkpoint.indexOf("/");
  const customerNumber = Number(checkpoint.slice(0, at));
  if (at < 1 || !Number.isSafeInteger(customerNumber)) {
    throw invalid("reconcilePayments options", [
      { field: "checkpoint", message: "must be a checkpoint this function gave" },
    ]);
  }
  return {
    customerNumber,
    productCode: checkpoint.slice(at + 1),
    companyCode: "",
    invoiceNumber: "",
    startedAt: 0,
  };
}

/** The payments, checked before any call: every broken one named. */
function checkedPayments({ payments, share = 0.5 }: ReconcileOptions<string>): StartedPayment[] {
  const issues: ConnectIssue[] = [];
  if (!Array.isArray(payments)) issues.push({ field: "payments", message: "must be an array" });
  (Array.isArray(payments) ? payments : []).forEach((p: Partial<StartedPayment>, i) => {
    const bad = (field: string, message: string) =>
      issues.push({ field: `payments[${i}].${field}`, message });
    if (!Number.isSafeInteger(p?.customerNumber) || p.customerNumber! < 1) {
      bad("customerNumber", "must be a positive integer");
    }
    for (const field of ["productCode", "companyCode", "invoiceNumber"] as const) {
      if (typeof p?.[field] != "string" || !p[field]) bad(field, "must be a non-empty string");
    }
    if (!Number.isFinite(p?.startedAt)) bad("startedAt", "must be milliseconds since the epoch");
  });
  if (!(share > 0 && share <= 1))
    issues.push({ field: "share", message: "must be more than 0 and at most 1" });
  if (issues.length) throw invalid("reconcilePayments options", issues);
  return payments as StartedPayment[];
}
