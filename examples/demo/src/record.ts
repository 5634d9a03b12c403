// What to grant: the provider's record of the invoice a payment was for,
// read with confirmInvoicePayment. The return link never decides it.
import {
  ConnectError,
  paymentKey,
  type ConnectClient,
  type StartedPayment,
} from "@connect-payment/client";
import { memoryLedger } from "./memory-tables.js";
import type { OwedInvoice } from "./owed.js";
import type { RecordView } from "./pages.js";
import type { Ledger } from "./tables.js";

/** One invoice the shop granted for: what a real shop turns into access. */
export interface Grant {
  invoiceNumber: string;
  transactionId: number;
  /** What confirmed it: the customer's return, or the back office reading the record in client mode. */
  by: "return" | "back office";
}

/** A payment started and not granted yet, as the back office lists it. */
export interface UnconfirmedPayment {
  transactionId: number;
  /** As stored when it started: what `reconcilePayments` takes. */
  payment: StartedPayment;
}

/** What the shop stores as a payment starts: the return carries only the transactionId. */
export interface PaymentStarted {
  transactionId: number;
  invoice: OwedInvoice;
  /** Milliseconds since the epoch. */
  startedAt: number;
}

export interface RecordOptions {
  /** How long one return page waits for the record to show the payment. */
  waitMs: number;
  log: (line: string) => void;
  /** Milliseconds since the epoch, for `startedAt`; default `Date.now`. */
  now?: () => number;
  /**
   * Where the payments and grants are kept (the shop's state, state.ts);
   * default this process's memory.
   */
  store?: { payments: Ledger<PaymentStarted>; grants: Ledger<Grant> };
}

/** The key of an invoice's grant: `paymentKey` reads only the invoice's identity. */
const keyOf = (invoice: OwedInvoice): string =>
  paymentKey({ ...invoice, customerNumber: invoice.customerNumber ?? 0, startedAt: 0 });

/** The payment as `reconcilePayments` takes it; only an invoice whose record gave the customer's number. */
function startedPayment({ invoice, startedAt }: PaymentStarted): StartedPayment | undefined {
  const { customerNumber, productCode, companyCode, invoiceNumber } = invoice;
  if (customerNumber === undefined) return undefined;
  return { customerNumber, productCode, companyCode, invoiceNumber, startedAt };
}

/**
 * Which invoice each payment was for (the return carries only the
 * transactionId), the payments started (for the back office) and what was
 * granted, at most once per `paymentKey`, in whichever process confirms first.
 */
export class PaymentRecords {
  readonly #payments: Ledger<PaymentStarted>;
  readonly #grants: Ledger<Grant>;
  readonly #options: RecordOptions;

  constructor(options: RecordOptions) {
    this.#options = options;
    this.#payments = options.store?.payments ?? memoryLedger();
    this.#grants = options.store?.grants ?? memoryLedger();
  }

  /**
   * Stores the payment as it starts. Only an invoice whose record gave the
   * customer's number can be confirmed later in client mode.
   */
  async started(transactionId: number, invoice: OwedInvoice): Promise<void> {
    const startedAt = (this.#options.now ?? Date.now)();
    await this.#payments.add(String(transactionId), { transactionId, invoice, startedAt });
  }

  async invoiceOf(transactionId: number): Promise<OwedInvoice | undefined> {
    return (await this.#payments.get(String(transactionId)))?.invoice;
  }

  /** Everything granted so far, oldest first. */
  grants(): Promise<Grant[]> {
    return this.#grants.values();
  }

  /** The payments started and not granted yet, oldest first, one per `paymentKey`. */
  async unconfirmed(): Promise<UnconfirmedPayment[]> {
    const seen = new Set<string>();
    const list: UnconfirmedPayment[] = [];
    for (const started of await this.#payments.values()) {
      const payment = startedPayment(started);
      if (!payment) continue;
      const key = paymentKey(payment);
      if (seen.has(key) || (await this.#grants.get(key))) continue;
      seen.add(key);
      list.push({ transactionId: started.transactionId, payment });
    }
    return list;
  }

  /**
   * Grants a payment the back office found paid, unless its `paymentKey` was
   * granted before (by the return or an earlier run). Only a payment this
   * shop started is granted. Returns the new grant, or undefined.
   */
  async grantConfirmed(payment: StartedPayment): Promise<Grant | undefined> {
    const key = paymentKey(payment);
    const started = (await this.#payments.values())
      .filter((p) => keyOf(p.invoice) === key && startedPayment(p))
      .pop();
    if (!started) return undefined;
    return this.#grant(key, started.invoice.invoiceNumber, started.transactionId, "back office");
  }

  /** Reads the record with the customer's own client; grants only on `paid`. */
  async confirm(client: ConnectClient, transactionId: number): Promise<RecordView> {
    const invoice = await this.invoiceOf(transactionId);
    if (!invoice) return { state: "unknown_payment" };
    const { invoiceNumber } = invoice;
    try {
      const { state } = await client.confirmInvoicePayment(invoice, {
        waitMs: this.#options.waitMs,
      });
      this.#options.log(`confirmInvoicePayment(invoice ${invoiceNumber}) → ${state}`);
      if (state === "paid") {
        await this.#grant(keyOf(invoice), invoiceNumber, transactionId, "return");
      }
      return { state, invoiceNumber };
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      // The record could not be read this time: not confirmed, check again later.
      this.#options.log(`confirmInvoicePayment failed: ${error.code}: ${error.message}`);
      return { state: "unknown", invoiceNumber };
    }
  }

  async #grant(key: string, invoiceNumber: string, transactionId: number, by: Grant["by"]) {
    const grant: Grant = { invoiceNumber, transactionId, by };
    // One atomic step: two processes confirming at once grant once.
    if (!(await this.#grants.add(key, grant))) return undefined;
    this.#options.log(`granted (${by}): invoice ${invoiceNumber} (transactionId ${transactionId})`);
    return grant;
  }
}
