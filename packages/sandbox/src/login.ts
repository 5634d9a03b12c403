// The ConnectID login server side: the pay page and what the customer chooses on it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody, redirect, sendHtml } from "./http.js";
import { payPage, problemPage } from "./pages.js";
import type { PayPageOutcome, TransactionStore } from "./transactions.js";

export const PAY_PAGE_PATH = "/payment/invoice/pay";

const OUTCOMES: readonly PayPageOutcome[] = [
  "finished",
  "cancelled",
  "failed",
  "unknown",
  "initiated",
  "system_error",
];

export interface LoginContext {
  transactions: TransactionStore;
  statusParam: string;
  methodLabels: Record<string, string>;
  log: (line: string) => void;
}

/** GET /payment/invoice/pay?clientId&returnUrl&errorUrl&transactionId */
export function handlePayPage(
  url: URL,
  response: ServerResponse,
  { transactions, methodLabels, log }: LoginContext,
): void {
  const query = url.searchParams;
  const errorUrl = httpUrl(query.get("errorUrl"));
  if (!errorUrl) {
    // Without a usable errorUrl there is nowhere to send the customer.
    sendHtml(
      response,
      400,
      problemPage("Bad payment link", "errorUrl is missing or not an absolute http(s) URL."),
    );
    return;
  }
  const toErrorUrl = (reason: string) => {
    log(`pay page: ${reason}; redirecting to errorUrl`);
    redirect(response, errorUrl);
  };

  const clientId = query.get("clientId")?.trim();
  if (!clientId) return toErrorUrl("clientId is missing");
  const returnUrl = httpUrl(query.get("returnUrl"));
  if (!returnUrl) return toErrorUrl("returnUrl is missing or not an absolute http(s) URL");
  const id = Number(query.get("transactionId"));
  const transaction = Number.isSafeInteger(id) ? transactions.get(id) : undefined;
  if (!transaction) return toErrorUrl(`transactionId ${query.get("transactionId")} is unknown`);
  if (transaction.outcome) return toErrorUrl(`transaction ${id} is already ${transaction.outcome}`);

  transaction.redirect = { clientId, returnUrl, errorUrl };
  const method = transaction.request.paymentMethod;
  sendHtml(
    response,
    200,
    payPage(transaction, {
      // The form posts back to the path the page was served from.
      action: url.pathname,
      clientId,
      methodLabel: methodLabels[method] ?? method,
    }),
  );
}

/** POST /payment/invoice/pay with `transactionId` and `outcome` from the pay page's form. */
export async function handlePayDecision(
  request: IncomingMessage,
  response: ServerResponse,
  { transactions, statusParam, log }: LoginContext,
): Promise<void> {
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readBody(request));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendHtml(response, 413, problemPage("Too large", "The form is too large."));
    return;
  }
  const transaction = transactions.get(Number(form.get("transactionId")));
  const outcome = OUTCOMES.find((o) => o === form.get("outcome"));
  if (!transaction?.redirect || !outcome) {
    sendHtml(response, 400, problemPage("Bad request", "Unknown transaction or outcome."));
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

  transaction.outcome = outcome;
  log(`transaction ${transaction.id}: ${outcome}`);
  if (outcome === "system_error") {
    redirect(response, transaction.redirect.errorUrl);
    return;
  }
  redirect(response, appendQuery(transaction.redirect.returnUrl, statusParam, outcome));
}

function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    // The serialised form percent-encodes what a Location header cannot carry.
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Appends one parameter, leaving the URL's own query and fragment byte for byte. */
export function appendQuery(url: string, name: string, value: string): string {
  const hashAt = url.indexOf("#");
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : url.slice(hashAt);
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}${pair}${fragment}`;
}
