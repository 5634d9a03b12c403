// The ConnectID login server side: the pay page and what the customer chooses on it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { BodyTooLargeError, readBody, redirect, sendHtml } from "./http.js";
import { changePage, payPage, problemPage } from "./pages.js";
import { decide, isOutcome, openPayment } from "./pay-flow.js";
import { loadSpec } from "./spec.js";
import {
  isTransactionId,
  type PaymentChange,
  type Transaction,
  type TransactionStore,
} from "./transactions.js";

/** The pay page's path on the login server, from the spec's `x-pay-page`. */
export const PAY_PAGE_PATH = loadSpec()["x-pay-page"].path;

/** The change page's path on the login server, from the spec's `x-payment-change-page`. */
export const CHANGE_PAGE_PATH = loadSpec()["x-payment-change-page"].path;

export interface LoginContext {
  transactions: TransactionStore;
  /** The payment changes Change payment method started. */
  changes: TransactionStore<PaymentChange>;
  statusParam: string;
  methodLabels: Record<string, string>;
  log: (line: string) => void;
}

/** GET /payment/invoice/pay?clientId&returnUrl&errorUrl&transactionId */
export function handlePayPage(url: URL, response: ServerResponse, context: LoginContext): void {
  const opened = openPayment(url.searchParams, context.transactions);
  servePage(opened, response, context, "pay page", (transaction, clientId) => {
    const method = transaction.request.paymentMethod;
    return payPage(transaction, {
      // The form posts back to the path the page was served from.
      action: url.pathname,
      clientId,
      methodLabel: context.methodLabels[method] ?? method,
    });
  });
}

/** GET /paymentChange?clientId&returnUrl&errorUrl&paymentChangeId[&ticket], like the pay page. */
export function handleChangePage(url: URL, response: ServerResponse, context: LoginContext): void {
  const opened = openPayment(url.searchParams, context.changes, "paymentChangeId");
  servePage(opened, response, context, "change page", (transaction, clientId) =>
    changePage(transaction, {
      action: url.pathname,
      clientId,
      ticket: url.searchParams.get("ticket") ?? undefined,
    }),
  );
}

/** Answers an opened payment link: its page, a problem page, or the redirect to errorUrl. */
function servePage<R>(
  opened: ReturnType<typeof openPayment<R>>,
  response: ServerResponse,
  context: LoginContext,
  name: string,
  render: (transaction: Transaction<R>, clientId: string) => string,
): void {
  switch (opened.kind) {
    case "problem":
      sendHtml(response, opened.status, problemPage(opened.title, opened.detail));
      return;
    case "redirect":
      context.log(`${name}: ${opened.reason}; redirecting to errorUrl`);
      redirect(response, opened.location);
      return;
    case "page":
      sendHtml(response, 200, render(opened.transaction, opened.clientId));
  }
}

/** POST /payment/invoice/pay with `transactionId`, `nonce` and `outcome` from the pay page's form. */
export function handlePayDecision(
  request: IncomingMessage,
  response: ServerResponse,
  context: LoginContext,
): Promise<void> {
  return handleDecision(request, response, context, context.transactions, "transactionId");
}

/** POST /paymentChange with `paymentChangeId`, `nonce` and `outcome` from the change page's form. */
export function handleChangeDecision(
  request: IncomingMessage,
  response: ServerResponse,
  context: LoginContext,
): Promise<void> {
  return handleDecision(request, response, context, context.changes, "paymentChangeId");
}

async function handleDecision<R>(
  request: IncomingMessage,
  response: ServerResponse,
  { statusParam, log }: LoginContext,
  transactions: TransactionStore<R>,
  idParam: string,
): Promise<void> {
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readBody(request, response));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendHtml(response, 413, problemPage("Too large", "The form is too large."));
    return;
  }
  const id = Number(form.get(idParam));
  const transaction = isTransactionId(id) ? transactions.get(id) : undefined;
  const outcome = form.get("outcome");
  if (!transaction?.redirect || !isOutcome(outcome)) {
    sendHtml(response, 400, problemPage("Bad request", "Unknown transaction or outcome."));
    return;
  }
  // Only the form this page showed carries the nonce: a cross-site post cannot.
  if (!sameText(form.get("nonce") ?? "", transaction.nonce ?? "")) {
    sendHtml(response, 403, problemPage("Not allowed", "This form is not from the pay page."));
    return;
  }
  if (transaction.outcome) {
    sendHtml(
      response,
      409,
      problemPage(
        "Already done",
        `Transaction ${transaction.id} is already ${transaction.outcome}.`,
      ),
    );
    return;
  }
  const location = decide(transactions, transaction, outcome, statusParam);
  log(
    `${idParam === "transactionId" ? "transaction" : "payment change"} ${transaction.id}: ${outcome}`,
  );
  redirect(response, location);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
