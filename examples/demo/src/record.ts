// What to grant: the provider's record of the invoice a payment was for,
// read with confirmInvoicePayment. The return link never decides it.
import { ConnectError, type ConnectClient } from "@connect-payment/client";
import type { OwedInvoice } from "./owed.js";
import type { RecordView } from "./pages.js";

/** One invoice the shop granted for: what a real shop turns into access. */
export interface Grant {
  invoiceNumber: string;
  transactionId: number;
}

export interface RecordOptions {
  /** How long one return page waits for the record to show the payment. */
  waitMs: number;
  log: (line: string) => void;
}

/**
 * Which invoice each payment was for (the return carries only the
 * transactionId) and what was granted. In memory, as the demo's sessions are.
 */
export class PaymentRecords {
  readonly #payments = new Map<number, OwedInvoice>();
  readonly #grants = new Map<string, Grant>();
  readonly #options: RecordOptions;

  constructor(options: RecordOptions) {
    this.#options = options;
  }

  started(transactionId: number, invoice: OwedInvoice): void {
    this.#payments.set(transactionId, invoice);
  }

  invoiceOf(transactionId: number): OwedInvoice | undefined {
    return this.#payments.get(transactionId);
  }

  /** Everything granted so far, oldest first. */
  grants(): Grant[] {
    return [...this.#grants.values()];
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
      if (state === "paid" && !this.#grants.has(invoiceNumber)) {
        this.#grants.set(invoiceNumber, { invoiceNumber, transactionId });
        this.#options.log(`granted: invoice ${invoiceNumber} (transactionId ${transactionId})`);
      }
      return { state, invoiceNumber };
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      // The record could not be read this time: not confirmed, check again later.
      this.#options.log(`confirmInvoicePayment failed: ${error.code}: ${error.message}`);
      return { state: "unknown", invoiceNumber };
    }
  }
}
