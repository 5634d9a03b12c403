// The state the operations share, made the same way for the server and the
// msw handlers.
import { TransactionStore, type PaymentChange } from "../transactions.js";
import type { OperationState } from "./operation.js";

export function createOperationState(options: {
  firstTransactionId: number | undefined;
  slowResponseMs: number;
}): OperationState {
  return {
    transactions: new TransactionStore(options.firstTransactionId),
    changes: new TransactionStore<PaymentChange>(options.firstTransactionId),
    slowResponseMs: options.slowResponseMs,
  };
}
