// Driving the sandbox without a browser: complete a payment the way the
// customer would, read what the API received, and start over. The same
// functions back the handle from startSandbox() and the HTTP control path
// (`{controlUrl}/…`), so tests in any language can use them.
import { SandboxControlError } from "./control-error.js";
import { decide, isOutcome, openPayment, OUTCOMES } from "./pay-flow.js";
import type { IssuedTokens, SignInRequest } from "./oauth/index.js";
import type { InvoiceRecord } from "./invoices/record.js";
import type { ReceivedLog } from "./received.js";
import type { PaymentChange, PayPageOutcome, TransactionStore } from "./transactions.js";

export const CONTROL_BASE = "/_sandbox";

export interface ControlContext {
  transactions: TransactionStore;
  received: ReceivedLog;
  statusParam: string;
  /** The payment changes Change payment method started. */
  changes: TransactionStore<PaymentChange>;
  /** The provider's record of each test customer's invoices. */
  invoices: InvoiceRecord;
  /** The pay page's absolute URL, e.g. `http://127.0.0.1:4010/user/payment/invoice/pay`. */
  payPageUrl: () => string;
  /** The change page's absolute URL, e.g. `http://127.0.0.1:4010/user/paymentChange`. */
  changePageUrl: () => string;
  /** Signs a test customer in at the login server, without a browser. */
  signIn: (request: SignInRequest) => IssuedTokens;
  log: (line: string) => void;
}

/**
 * Opens `payUrl` (the URL your code sent the browser to) and chooses
 * `outcome`, as the customer would on the pay page. Returns the exact URL the
 * browser is then sent to: `returnUrl` with the result, or `errorUrl`.
 */
export function completePayment(
  context: ControlContext,
  payUrl: string | URL,
  outcome: PayPageOutcome,
): string {
  return complete(context, payUrl, outcome, "payUrl", context.payPageUrl(), context.transactions);
}

/**
 * Opens `changeUrl` (where your code sent the customer to change a payment
 * method) and chooses `outcome`, as on the change page; returns the URL the
 * browser is then sent to.
 */
export function completePaymentChange(
  context: ControlContext,
  changeUrl: string | URL,
  outcome: PayPageOutcome,
): string {
  const page = context.changePageUrl();
  return complete(context, changeUrl, outcome, "changeUrl", page, context.changes);
}

function complete<R>(
  context: ControlContext,
  payUrl: string | URL,
  outcome: PayPageOutcome,
  name: "payUrl" | "changeUrl",
  expected: string,
  store: TransactionStore<R>,
): string {
  if (!isOutcome(outcome)) {
    throw new SandboxControlError(`outcome must be one of ${OUTCOMES.join(", ")}`);
  }
  let url: URL;
  try {
    url = new URL(payUrl);
  } catch {
    throw new SandboxControlError(`${name} must be an absolute URL`);
  }
  if (`${url.origin}${url.pathname}` !== expected) {
    throw new SandboxControlError(`${name} must start with this sandbox's page, ${expected}`);
  }
  const idParam = name === "payUrl" ? "transactionId" : "paymentChangeId";
  const opened = openPayment(url.searchParams, store, idParam);
  if (opened.kind === "problem") throw new SandboxControlError(opened.detail);
  if (opened.kind === "redirect") {
    context.log(`control: ${opened.reason}; redirecting to errorUrl`);
    return opened.location;
  }
  const location = decide(store, opened.transaction, outcome, context.statusParam);
  const what = name === "payUrl" ? "transaction" : "payment change";
  context.log(`${what} ${opened.transaction.id}: ${outcome} (control)`);
  return location;
}

/** Forgets every transaction and every received request; the invoice record starts over. */
export function reset(context: ControlContext): void {
  context.transactions.clear();
  context.changes.clear();
  context.received.clear();
  context.invoices.reset();
}
