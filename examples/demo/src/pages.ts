// The merchant's pages. Each takes plain data and returns escaped HTML.
import type { ConnectErrorCode } from "@connect-payment/client";
import type { PaymentReturnStatus } from "@connect-payment/redirect";
import { escapeHtml as e, layout } from "./html.js";
import { DEMO_INVOICE, PAYMENT_METHOD_LABELS, SCENARIOS } from "./invoice.js";

export function invoicePage(paymentMethods: readonly string[], csrfToken: string): string {
  const methods = paymentMethods
    .map(
      (method, index) =>
        `<label><input type="radio" name="paymentMethod" value="${e(method)}" data-testid="method-${e(method)}"${
          index === 0 ? " checked" : ""
        }> ${e(PAYMENT_METHOD_LABELS[method as keyof typeof PAYMENT_METHOD_LABELS] ?? method)}</label>`,
    )
    .join("\n");
  const scenarios = SCENARIOS.map(
    (s) => `<option value="${e(s.invoiceNumber)}">${e(s.label)} · ${e(s.invoiceNumber)}</option>`,
  ).join("");
  return layout(
    `Invoice ${DEMO_INVOICE.invoiceNumber}`,
    `<h1>Invoice <span data-testid="invoice-number">${e(DEMO_INVOICE.invoiceNumber)}</span></h1>
<dl>
  <dt>Customer</dt><dd>${e(DEMO_INVOICE.customer)}</dd>
  <dt>For</dt><dd>${e(DEMO_INVOICE.description)}</dd>
  <dt>Product</dt><dd>${e(DEMO_INVOICE.productCode)}</dd>
  <dt>Amount</dt><dd>${e(DEMO_INVOICE.amount)}</dd>
</dl>
<form method="post" action="/pay" data-testid="pay-form">
  <input type="hidden" name="csrfToken" value="${e(csrfToken)}">
  <fieldset><legend>Pay with</legend>
${methods}
  </fieldset>
  <label>Sandbox scenario <select name="invoiceNumber" data-testid="scenario">${scenarios}</select></label>
  <p><button type="submit" data-testid="pay">Pay invoice</button></p>
</form>
<p><a href="/payment-method" data-testid="payment-method-link">Change payment method</a></p>
<form method="post" action="/logout" data-testid="logout-form">
  <input type="hidden" name="csrfToken" value="${e(csrfToken)}">
  <button type="submit" data-testid="logout">Log out</button>
</form>`,
  );
}

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

export function returnPage(result: {
  status: PaymentReturnStatus;
  transactionId: number;
  invoiceNumber: string | undefined;
  canRetry: boolean;
}): string {
  const invoice =
    result.invoiceNumber === undefined ? "your invoice" : `invoice ${result.invoiceNumber}`;
  return layout(
    `Back from the payment service`,
    `<h1>Back from the payment service</h1>
<p class="status${result.canRetry ? " problem" : ""}" data-testid="result-message">${e(RESULT_TEXT[result.status])}</p>
<p data-testid="result-grant">Your subscription is updated when the payment service has recorded
the payment for ${e(invoice)}. This can take a moment.</p>
<p class="note">Reference: payment <span data-testid="result-transaction-id">${e(result.transactionId)}</span>
· <span data-testid="result-status">${e(result.status)}</span>
· invoice <span data-testid="result-invoice-number">${e(result.invoiceNumber ?? "unknown")}</span></p>
${result.canRetry ? `<p><a class="button" href="/" data-testid="try-again">Try again</a></p>` : `<p><a href="/">Back to the invoice</a></p>`}`,
  );
}

/** A return that fails verification: nothing is recorded; the reason is a detail line. */
export function verificationFailedPage(reason: string): string {
  return layout(
    "Payment result not confirmed",
    `<h1>We could not confirm this payment result</h1>
<p class="status problem" data-testid="verification-error">The link you came back with does not
belong to a payment of this shop, so nothing was changed. Open your invoice to see where it stands.</p>
<p><a class="button" href="/">Back to the invoice</a></p>
${errorDetail(reason, "verification-error-code")}`,
  );
}

export function forbiddenPage(): string {
  return layout(
    "Not allowed",
    `<h1>This request was not sent from the shop's own page</h1>
<p class="status problem" data-testid="forbidden">No payment was started. Open the invoice and try again.</p>
<p><a class="button" href="/">Back to the invoice</a></p>`,
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
<p><a class="button" href="/">Back to the invoice</a></p>
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
  return layout("Not found", `<h1>Not found</h1><p><a href="/">Back to the invoice</a></p>`);
}
