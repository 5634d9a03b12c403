// The state the operations share, made the same way for the server and the
// msw handlers.
import { InvoiceRecord, type RecordSettings } from "../invoices/record.js";
import { TransactionStore, type PaymentChange } from "../transactions.js";
import type { OperationState } from "./operation.js";

export function createOperationState(options: {
  firstTransactionId: number | undefined;
  slowResponseMs: number;
  paidRecordDelayMs: number;
  invoicesWithoutDates: RecordSettings["invoicesWithoutDates"];
  clock?: () => number;
}): OperationState {
  const invoices = new InvoiceRecord({
    paidRecordDelayMs: options.paidRecordDelayMs,
    invoicesWithoutDates: options.invoicesWithoutDates,
    // Read at each call, so a test that moves the clock (fake Date) moves the record too.
    clock: options.clock ?? (() => Date.now()),
  });
  return {
    // A decision on the pay page reaches the record: `finished` marks the invoice paid, later.
    transactions: new TransactionStore(options.firstTransactionId, (transaction) => {
      if (transaction.outcome) invoices.decided(transaction.id, transaction.outcome);
    }),
    changes: new TransactionStore<PaymentChange>(options.firstTransactionId),
    invoices,
    slowResponseMs: options.slowResponseMs,
  };
}
