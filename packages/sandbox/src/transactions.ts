import { randomBytes } from "node:crypto";
import type { PayInvoiceRequest, PaymentResultStatus } from "@connect-payment/types";
import { loadSpec } from "./spec.js";

/** What the customer chose on the pay page; `system_error` sends them to errorUrl. */
export type PayPageOutcome = PaymentResultStatus | "system_error";

/** The largest `transactionId` the spec, the client and the sandbox accept: 2^53 - 1. */
export const MAX_TRANSACTION_ID: number = loadSpec().components.schemas.TransactionId!
  .maximum as number;

/**
 * The one rule for a valid `transactionId`: a whole number from 1 to 2^53 - 1.
 *
 * @example
 * ```ts
 * import { isTransactionId, MAX_TRANSACTION_ID } from "@connect-payment/sandbox";
 *
 * console.log(isTransactionId(12378954), isTransactionId(MAX_TRANSACTION_ID + 1)); // true false
 * ```
 */
export function isTransactionId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

/** What Change payment method started: the product and the method it changes to. */
export interface PaymentChange {
  /** The product whose payment method is being changed. */
  productCode: string;
  /** The method asked for. */
  paymentMethod: string;
}

/** A Pay invoice transaction, or (with `PaymentChange`) a payment change. */
export interface Transaction<R = PayInvoiceRequest> {
  /** The transaction id the API answered (a payment change's `paymentChangeId`). */
  id: number;
  /** The request body that started it. */
  request: R;
  /** When the API started it. */
  createdAt: Date;
  /**
   * Where the pay page sends the customer: fixed by the first request for the
   * transaction, so a later link cannot re-point it.
   */
  redirect?: {
    /** The `clientId` of the link. */
    clientId: string;
    /** Where the customer goes after choosing. */
    returnUrl: string;
    /** Where the customer goes when the link cannot be served. */
    errorUrl: string;
  };
  /** Put in the pay page's form; a decision without it is refused (no cross-site posts). */
  nonce?: string;
  /** Set once the customer has chosen on the pay page. */
  outcome?: PayPageOutcome;
}

/**
 * Remembers each transaction. Ids are random in 1..2^53-1 so that nobody can
 * guess an open transaction; `firstId` asks for counting ids instead, for
 * tests that want fixed numbers.
 */
export class TransactionStore<R = PayInvoiceRequest> {
  readonly #byId = new Map<number, Transaction<R>>();
  readonly #firstId: number | undefined;
  #nextId: number | undefined;
  readonly #onOutcome: ((transaction: Transaction<R>) => void) | undefined;

  /** `onOutcome` hears of each decision on the pay or change page. */
  constructor(firstId?: number, onOutcome?: (transaction: Transaction<R>) => void) {
    this.#firstId = firstId;
    this.#nextId = firstId;
    this.#onOutcome = onOutcome;
  }

  /** Records what the customer chose, once. */
  decide(transaction: Transaction<R>, outcome: PayPageOutcome): void {
    if (transaction.outcome) throw new Error(`transaction ${transaction.id} is already decided`);
    transaction.outcome = outcome;
    this.#onOutcome?.(transaction);
  }

  create(request: R): Transaction<R> {
    const transaction: Transaction<R> = { id: this.#newId(), request, createdAt: new Date() };
    this.#byId.set(transaction.id, transaction);
    return transaction;
  }

  get(id: number): Transaction<R> | undefined {
    return this.#byId.get(id);
  }

  list(): Transaction<R>[] {
    return [...this.#byId.values()];
  }

  /** Forgets every transaction; counting ids start again from `firstId`. */
  clear(): void {
    this.#byId.clear();
    this.#nextId = this.#firstId;
  }

  #newId(): number {
    if (this.#nextId !== undefined) {
      if (!isTransactionId(this.#nextId)) throw new Error("transactionId would pass 2^53 - 1");
      return this.#nextId++;
    }
    for (;;) {
      // 53 random bits; 0 and ids in use are drawn again.
      const id = Number(randomBytes(8).readBigUInt64BE() >> 11n);
      if (id >= 1 && !this.#byId.has(id)) return id;
    }
  }
}

/** A random token for forms: 128 bits, URL-safe. */
export function newNonce(): string {
  return randomBytes(16).toString("base64url");
}
