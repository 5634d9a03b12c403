// What the login server does with a payment link and a decision, apart from
// HTTP: the pay page and the control API (which completes a payment without a
// browser) share it, so both send the customer to the same place.
import { PAYMENT_RESULT_STATUSES } from "@connect-payment/redirect";
import {
  isTransactionId,
  newNonce,
  type PayPageOutcome,
  type Transaction,
  type TransactionStore,
} from "./transactions.js";

/** The results the pay page offers: the six documented ones and a system error (to errorUrl). */
export const OUTCOMES: readonly PayPageOutcome[] = [...PAYMENT_RESULT_STATUSES, "system_error"];

export const isOutcome = (value: unknown): value is PayPageOutcome =>
  OUTCOMES.includes(value as PayPageOutcome);

export type OpenResult<R = unknown> =
  | { kind: "page"; transaction: Transaction<R>; clientId: string }
  | { kind: "redirect"; location: string; reason: string }
  | { kind: "problem"; status: number; title: string; detail: string };

/**
 * Opens a payment link (`clientId`, `returnUrl`, `errorUrl`, `transactionId`).
 * The first valid link for a transaction fixes where it sends the customer;
 * a later link with other targets is sent to the first one's errorUrl, so
 * nobody can re-point an open transaction. An unknown transaction gets a page,
 * never a redirect: the sandbox cannot know whose errorUrl is trustworthy.
 */
export function openPayment<R>(
  query: URLSearchParams,
  transactions: TransactionStore<R>,
  idParam = "transactionId",
): OpenResult<R> {
  const rawId = query.get(idParam) ?? "";
  const id = /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : NaN;
  const transaction = isTransactionId(id) ? transactions.get(id) : undefined;
  if (!transaction) {
    return {
      kind: "problem",
      status: 400,
      title: "Unknown payment",
      detail: `${idParam} ${JSON.stringify(rawId)} is not a payment of this sandbox.`,
    };
  }

  const fixed = transaction.redirect;
  if (fixed) {
    if (httpUrl(query.get("returnUrl")) !== fixed.returnUrl)
      return toFixedErrorUrl(transaction, "returnUrl differs from the first link");
    if (httpUrl(query.get("errorUrl")) !== fixed.errorUrl)
      return toFixedErrorUrl(transaction, "errorUrl differs from the first link");
    if (query.get("clientId")?.trim() !== fixed.clientId)
      return toFixedErrorUrl(transaction, "clientId differs from the first link");
    if (transaction.outcome)
      return toFixedErrorUrl(transaction, `the payment is already ${transaction.outcome}`);
    return { kind: "page", transaction, clientId: fixed.clientId };
  }

  const errorUrl = httpUrl(query.get("errorUrl"));
  if (!errorUrl) {
    return {
      kind: "problem",
      status: 400,
      title: "Bad payment link",
      detail: "errorUrl is missing or not an absolute http(s) URL.",
    };
  }
  const clientId = query.get("clientId")?.trim();
  if (!clientId) return { kind: "redirect", location: errorUrl, reason: "clientId is missing" };
  const returnUrl = httpUrl(query.get("returnUrl"));
  if (!returnUrl) {
    return {
      kind: "redirect",
      location: errorUrl,
      reason: "returnUrl is missing or not an absolute http(s) URL",
    };
  }
  transaction.redirect = { clientId, returnUrl, errorUrl };
  transaction.nonce = newNonce();
  return { kind: "page", transaction, clientId };
}

function toFixedErrorUrl<R>(transaction: Transaction<R>, reason: string): OpenResult<R> {
  return { kind: "redirect", location: transaction.redirect!.errorUrl, reason };
}

/** Where the customer goes after choosing `outcome`; records the decision. */
export function decide<R>(
  store: TransactionStore<R>,
  transaction: Transaction<R>,
  outcome: PayPageOutcome,
  statusParam: string,
): string {
  const target = transaction.redirect;
  if (!target) throw new Error(`transaction ${transaction.id} was never opened`);
  store.decide(transaction, outcome);
  return outcome === "system_error"
    ? target.errorUrl
    : appendQuery(target.returnUrl, statusParam, outcome);
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
