// The merchant's pages. Each takes plain data and returns escaped HTML.
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
 * What the return link says, in words that claim nothing more. The status
 * travels through the customer's browser, and anyone can edit a URL: so the
 * page never says "payment received", whatever the link says.
 */
const CLAIM_TEXT: Record<PaymentReturnStatus, string> = {
  finished: "The return link says the payment went through.",
  cancelled: "The return link says you cancelled the payment.",
  failed: "The return link says the payment could not be made.",
  error: "The return link reports an error at the payment service.",
  unknown: "The return link says the payment's status is not known yet.",
  initiated: "The return link says the payment was started but not finished.",
  missing: "The return link carries no result.",
  unrecognized: "The return link carries a result this shop does not recognise.",
};

export function returnPage(result: {
  status: PaymentReturnStatus;
  transactionId: number;
  invoiceNumber: string | undefined;
  canRetry: boolean;
}): string {
  return layout(
    `Back from the payment service`,
    `<h1>Back from the payment service</h1>
<p class="status${result.canRetry ? " problem" : ""}" data-testid="result-message">${e(CLAIM_TEXT[result.status])}</p>
<dl>
  <dt>The link says</dt><dd data-testid="result-status">${e(result.status)}</dd>
  <dt>Transaction</dt><dd data-testid="result-transaction-id">${e(result.transactionId)}</dd>
  <dt>Invoice</dt><dd data-testid="result-invoice-number">${e(result.invoiceNumber ?? "not from this shop run")}</dd>
  <dt>Return link</dt><dd data-testid="result-verified">belongs to this transaction (signature checked); its status is not proof</dd>
</dl>
<p class="note" data-testid="result-grant">Your subscription follows the payment service's own record of
invoice ${e(result.invoiceNumber ?? "")}, not this page: anyone can edit a link's status, so the shop grants
nothing from it.</p>
${result.canRetry ? `<p><a class="button" href="/" data-testid="try-again">Try again</a></p>` : `<p><a href="/">Back to the invoice</a></p>`}`,
  );
}

export function verificationFailedPage(reason: string): string {
  return layout(
    "Payment result not verified",
    `<h1>We could not verify this payment result</h1>
<p class="status problem" data-testid="verification-error">The return link failed verification: <code>${e(reason)}</code>.</p>
<p>Nothing is recorded from it. <a href="/">Back to the invoice</a></p>`,
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

export function apiErrorPage(error: { code: string; message: string; status?: number }): string {
  return layout(
    "Payment not started",
    `<h1>The payment could not be started</h1>
<p class="status problem" data-testid="api-error">${e(error.message)}</p>
<dl>
  <dt>Error code</dt><dd data-testid="api-error-code">${e(error.code)}</dd>
  ${error.status === undefined ? "" : `<dt>HTTP status</dt><dd>${e(error.status)}</dd>`}
</dl>
<p><a class="button" href="/">Back to the invoice</a></p>`,
  );
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
