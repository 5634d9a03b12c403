// What to grant: the provider's record of the invoice a payment was for,
// read with confirmInvoicePayment. The return link never decides it.
import {
  ConnectError,
  paymentKey,
  type ConnectClient,
  type StartedPayment,
} from "@connect-payment/client";
import type { OwedInvoice } from "./owed.js";
import type { RecordView } from "./pages.js";

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

export interface RecordOptions {
  /** How long one return page waits for the record to show the payment. */
  waitMs: number;
  log: (line: string) => void;
  /** Milliseconds since the epoch, for `startedAt`; default `Date.now`. */
  now?: () => number;
}

/** The key of an invoice's grant: `paymentKey` reads only the invoice's identity. */
const keyOf = (invoice: OwedInvoice): string =>
  paymentKey({ ...invoice, customerNumber: invoice.customerNumber ?? 0, startedAt: 0 });

/**
 * Which invoice each payment was for (the return carries only the
 * transactionId), the payments started (for the back office) and what was
 * granted, at most once per `paymentKey`. In memory, as the demo's sessions are.
 */
export class PaymentRecords {
  readonly #payments = new Map<number, OwedInvoice>();
  readonly #started = new Map<number, StartedPayment>();
  readonly #grants = new Map<string, Grant>();
  readonly #options: RecordOptions;

  constructor(options: RecordOptions) {
    this.#options = options;
  }

  /**
   * Stores the payment as it starts. Only an invoice whose record gave the
   * customer's number can be confirmed later in client mode.
   */
  started(transactionId: number, invoice: OwedInvoice): void {
    this.#payments.set(transactionId, invoice);
    const { customerNumber, productCode, companyCode, invoiceNumber } = invoice;
    if (customerNumber === undefined) return;
    const startedAt = (this.#options.now ?? Date.now)();
    this.#started.set(transactionId, {
      customerNumber,
      productCode,
      companyCode,
      invoiceNumber,
      startedAt,
    });
  }

  invoiceOf(transactionId: number): OwedInvoice | undefined {
    return this.#payments.get(transactionId);
  }

  /** Everything granted so far, oldest first. */
  grants(): Grant[] {
    return [...this.#grants.values()];
  }

  /** The payments started and not granted yet, oldest first, one per `paymentKey`. */
  unconfirmed(): UnconfirmedPayment[] {
    const seen = new Set<string>();
    const list: UnconfirmedPayment[] = [];
    for (const [transactionId, payment] of this.#started) {
      const key = paymentKey(payment);
      if (this.#grants.has(key) || seen.has(key)) continue;
      seen.add(key);
      list.push({ transactionId, payment: { ...payment } });
    }
    return list;
  }

  /**
   * Grants a payment the back office found paid, unless its `paymentKey` was
   * granted before (by the return or an earlier run). Only a payment this
   * shop started is granted. Returns the new grant, or undefined.
   */
  grantConfirmed(payment: StartedPayment): Grant | undefined {
    const key = paymentKey(payment);
    const started = [...this.#started].filter(([, p]) => paymentKey(p) === key).pop();
    if (!started) return undefined;
    return this.#grant(key, started[1].invoiceNumber, started[0], "back office");
  }

  /** Reads the record with the customer's own client; grants only on `paid`. */
  async confirm(client: ConnectClient, transactionId: number): Promise<RecordView> {
    const invoice = this.#payments.get(transactionId);
    if (!invoice) return { state: "unknown_payment" };
    const { invoiceNumber } = invoice;
    try {
      const { state } = await client.confirmInvoicePayment(invoice, {
        waitMs: this.#options.waitMs,
      });
      this.#options.log(`confirmInvoicePayment(invoice ${invoiceNumber}) → ${state}`);
      if (state === "paid") this.#grant(keyOf(invoice), invoiceNumber, transactionId, "return");
      return { state, invoiceNumber };
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      // The record could not be read this time: not confirmed, check again later.
      this.#options.log(`confirmInvoicePayment failed: ${error.code}: ${error.message}`);
      return { state: "unknown", invoiceNumber };
    }
  }

  #grant(key: string, invoiceNumber: string, transactionId: number, by: Grant["by"]) {
    if (this.#grants.has(key)) return undefined;
    const grant: Grant = { invoiceNumber, transactionId, by };
    this.#grants.set(key, grant);
    this.#options.log(`granted (${by}): invoice ${invoiceNumber} (transactionId ${transactionId})`);
    return grant;
  }
}
