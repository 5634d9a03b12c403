// What an operation module gets and gives. The router has already checked
// the request against the spec (token, content type, size, path, query and
// body): a module holds only what is particular to its operation, its
// answer and its triggers.
import type { ApiResponse } from "../answers.js";
import type { InvoiceRecord } from "../invoices/record.js";
import type { PaymentChange, TransactionStore } from "../transactions.js";

/** A request the spec allows, its values read. */
export interface CheckedRequest {
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  /** Query parameters sent, read as the spec types them (`unpaid=true` is `true`). */
  query: Record<string, unknown>;
  /** The parsed JSON body; `undefined` for an operation without one. */
  body: unknown;
  /**
   * The test customer the bearer token was issued to; `undefined` when the
   * token names none (any token accepted, or the msw handlers): then the
   * first test customer's record is used.
   */
  customer: string | undefined;
}

/** The state the operations share: one per sandbox, or per set of msw handlers. */
export interface OperationState {
  transactions: TransactionStore;
  changes: TransactionStore<PaymentChange>;
  /** The provider's record of each test customer's invoices. */
  invoices: InvoiceRecord;
  slowResponseMs: number;
}

/** One operation of the spec: its answer to a request the spec allows. */
export interface OperationModule {
  operationId: string;
  answer(request: CheckedRequest, state: OperationState): ApiResponse;
}
