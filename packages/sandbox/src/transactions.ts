import type { PayInvoiceRequest, PaymentResultStatus } from "@connect-payment/types";

/** What the customer chose on the pay page; `system_error` sends them to errorUrl. */
export type PayPageOutcome = Exclude<PaymentResultStatus, "error"> | "system_error";

export interface Transaction {
  id: number;
  request: PayInvoiceRequest;
  createdAt: Date;
  /** Where the pay page sends the customer, recorded when it is opened. */
  redirect?: { clientId: string; returnUrl: string; errorUrl: string };
  /** Set once the customer has chosen on the pay page. */
  outcome?: PayPageOutcome;
}

/** Hands out increasing transaction ids and remembers each transaction. */
export class TransactionStore {
  readonly #byId = new Map<number, Transaction>();
  #nextId: number;

  constructor(firstId: number) {
    this.#nextId = firstId;
  }

  create(request: PayInvoiceRequest): Transaction {
    const transaction: Transaction = { id: this.#nextId++, request, createdAt: new Date() };
    this.#byId.set(transaction.id, transaction);
    return transaction;
  }

  get(id: number): Transaction | undefined {
    return this.#byId.get(id);
  }

  list(): Transaction[] {
    return [...this.#byId.values()];
  }
}
