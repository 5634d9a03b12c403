// The merchant's pages. Each takes plain data and returns escaped HTML.
import type { ConnectErrorCode } from "@connect-payment/client";
import type { PaymentReturnStatus } from "@connect-payment/redirect";
import { escapeHtml as e, layout } from "./html.js";

/**
 * What the customer reads when back from paying. The status travels through
 * the customer's browser, and anyone can edit a URL: a signed return proves
 * which payment it is for, never how it went. So no sentence says the
 * payment is received, and the subscription follows the payment service's
 * own record of the invoice, not this page (see the README).
 */
const RESULT_TEXT: Record<PaymentReturnStatus, string> = {
  finished: "You finished at the payment service.",
  cancelled: "You cancelled the payment.",
  failed: "The payment did not go through.",
  error: "The payment service had a problem with your payment.",
  unknown: "The payment service has not told us how the payment went yet.",
  initiated: "The payment was started but not finished.",
  missing: "We did not get a result from the payment service.",
  unrecognized: "We did not understand the result the payment service sent back.",
};

/** What the provider's record says of a payment's invoice, as `confirmInvoicePayment` resolves. */
export type RecordState = "paid" | "partly_paid" | "unpaid" | "unknown" | "not_found";

/**
 * The second part of the return page: the record. `unknown_payment` when
 * the shop kept no invoice for this payment (a payment it did not start, or
 * one from before a restart).
 */
export type RecordView =
  { state: RecordState; invoiceNumber: string } | { state: "unknown_payment" };

/** What the customer reads of the record; only `paid` says it is paid. */
function recordText(record: RecordView): string {
  if (record.state === "unknown_payment") {
    return "We cannot tell which invoice this payment was for. Open your invoices to see where they stand.";
  }
  const invoice = `invoice ${record.invoiceNumber}`;
  switch (record.state) {
    case "paid":
      return `Paid: the provider's record of ${invoice} shows it paid.`;
    case "partly_paid":
      return `Not confirmed yet: the provider's record of ${invoice} shows part of it paid.`;
    case "not_found":
      return `Not confirmed yet: the provider has no record of ${invoice} for you.`;
    default:
      return `Not confirmed yet: the provider's record of ${invoice} does not show it paid.`;
  }
}

export function returnPage(result: {
  status: PaymentReturnStatus;
  transactionId: number;
  invoiceNumber: string | undefined;
  canRetry: boolean;
  record: RecordView;
  /** Where "Check again" leads: this same page, which reads the record again. */
  checkAgainUrl: string;
}): string {
  const paid = result.record.state === "paid";
  const checkAgain =
    paid || result.record.state === "unknown_payment"
      ? ""
      : `<p><a class="button" href="${e(result.checkAgainUrl)}" data-testid="check-again">Check again</a></p>`;
  return layout(
    `Back from the payment service`,
    `<h1>Back from the payment service</h1>
<section data-testid="link-part">
<h2>What the payment service sent back</h2>
<p class="status${result.canRetry ? " problem" : ""}" data-testid="result-message">${e(RESULT_TEXT[result.status])}</p>
<p class="note">Reference: payment <span data-testid="result-transaction-id">${e(result.transactionId)}</span>
· <span data-testid="result-status">${e(result.status)}</span>
· invoice <span data-testid="result-invoice-number">${e(result.invoiceNumber ?? "unknown")}</span></p>
</section>
<section data-testid="record-part">
<h2>The provider's record</h2>
<p class="status${paid ? "" : " problem"}" data-testid="record-message" data-state="${e(result.record.state)}">${e(recordText(result.record))}</p>
<p data-testid="result-grant">${
      paid
        ? "Your subscription is active."
        : "Your subscription starts when the provider has recorded the payment. This can take a moment."
    }</p>
${checkAgain}
</section>
${result.canRetry ? `<p><a class="button" href="/" data-testid="try-again">Try again</a></p>` : `<p><a href="/">Back to your invoices</a></p>`}`,
  );
}

/** A return that fails verification: nothing is recorded; the reason is a detail line. */
export function verificationFailedPage(reason: string): string {
  return layout(
    "Payment result not confirmed",
    `<h1>We could not confirm this payment result</h1>
<p class="status problem" data-testid="verification-error">The link you came back with does not
belong to a payment of this shop, so nothing was changed. Open your invoice to see where it stands.</p>
<p><a class="button" href="/">Back to your invoices</a></p>
${errorDetail(reason, "verification-error-code")}`,
  );
}

/** POST /pay for an invoice the account page did not list for this customer. */
export function notOwedPage(): string {
  return layout(
    "Not an invoice you owe",
    `<h1>This invoice is not among your unpaid invoices</h1>
<p class="status problem" data-testid="not-owed">No payment was started. Open your invoices and choose again.</p>
<p><a class="button" href="/">Back to your invoices</a></p>`,
  );
}

export function forbiddenPage(): string {
  return layout(
    "Not allowed",
    `<h1>This request was not sent from the shop's own page</h1>
<p class="status problem" data-testid="forbidden">No payment was started. Open the invoice and try again.</p>
<p><a class="button" href="/">Back to your invoices</a></p>`,
  );
}

/**
 * The API said no. The customer reads what happened in words; the error's
 * code appears once, in a small detail line, and the client's message (written
 * for developers: fields, rules, HTTP status) goes to the server log only.
 */
export function apiErrorPage(error: { code: string }): string {
  return layout(
    "Payment not started",
    `<h1>The payment could not be started</h1>
<p class="status problem" data-testid="api-error">${e(apiErrorText(error.code))}</p>
<p><a class="button" href="/">Back to your invoices</a></p>
${errorDetail(error.code, "api-error-code")}`,
  );
}

/** The API error codes in words a customer understands (any other code reads as `internal`). */
const API_ERROR_TEXT: Record<ConnectErrorCode | "internal", string> = {
  invalid_request: "Something in the payment request was not right. Please choose again.",
  payment_not_added: "The payment service did not accept this payment. Please try again later.",
  bad_request: "The payment service could not handle this payment request.",
  unauthorized: "Your login has expired. Please log in again.",
  forbidden: "Your account is not allowed to pay this invoice.",
  not_found: "The payment service does not know this invoice or account.",
  rate_limited: "The payment service is busy right now. Please try again in a minute.",
  server_error: "The payment service has a problem right now. Please try again later.",
  unexpected_response:
    "The payment service sent an answer we could not read. Please try again later.",
  network: "We could not reach the payment service. Please try again later.",
  timeout: "The payment service took too long to answer. Please try again.",
  aborted: "The payment was stopped before it started. Please try again.",
  token_unavailable: "Your login has expired. Please log in again.",
  internal: "Something went wrong on our side. Please try again later.",
};

function apiErrorText(code: string): string {
  return (API_ERROR_TEXT as Record<string, string | undefined>)[code] ?? API_ERROR_TEXT.internal;
}

/** The code, once, small: for support, not for the customer to read. */
function errorDetail(code: string, testId: string): string {
  return `<p class="note">Error code: <code data-testid="${testId}">${e(code)}</code></p>`;
}

export function systemErrorPage(): string {
  return layout(
    "Payment error",
    `<h1>Something went wrong at the payment service</h1>
<p class="status problem" data-testid="system-error">The payment service had a system error and sent you back here.</p>
<p><a class="button" href="/">Try again</a></p>`,
  );
}

export function notFoundPage(): string {
  return layout("Not found", `<h1>Not found</h1><p><a href="/">Back to your invoices</a></p>`);
}
