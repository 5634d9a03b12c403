// The HTML the login server shows. Every value is escaped.
import { escapeHtml as e } from "./http.js";
import { STYLE } from "./page-security.js";
import type { PaymentChange, Transaction } from "./transactions.js";

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body>
<div class="banner">Sandbox: a local stand-in for the ConnectID payment page. No money moves.</div>
<main>${body}</main>
</body>
</html>`;
}

/** The form of the six results and a system error, posted back with the id and the nonce. */
function outcomeForm(
  prefix: "pay" | "change",
  idName: string,
  transaction: Transaction<unknown>,
  action: string,
  primary: string,
): string {
  const button = (outcome: string, label: string, className = "") =>
    `<button type="submit" name="outcome" value="${e(outcome)}" data-testid="${prefix}-${e(outcome)}"${
      className ? ` class="${className}"` : ""
    }>${e(label)}</button>`;
  return `<form method="post" action="${e(action)}" data-testid="${prefix}-form">
  <input type="hidden" name="${idName}" value="${e(transaction.id)}">
  <input type="hidden" name="nonce" value="${e(transaction.nonce)}">
  <div class="buttons">
    ${button("finished", primary, "primary")}
    ${button("cancelled", "Cancel")}
    ${button("failed", "Fail")}
  </div>
  <details>
    <summary>Other outcomes</summary>
    <div class="buttons">
      ${button("unknown", "Unknown status")}
      ${button("initiated", "Initiated")}
      ${button("error", "Error (documented as never sent)")}
      ${button("system_error", "System error (to errorUrl)")}
    </div>
  </details>
</form>`;
}

/**
 * Pay invoice's request names the invoice, never its amount, and the sandbox
 * keeps no invoice records: it shows no figure rather than invent one.
 */
const NO_AMOUNT = "Not in the request: Pay invoice sends the invoice number, not the amount";

export function payPage(
  transaction: Transaction,
  options: { action: string; clientId: string; methodLabel: string },
): string {
  const { request } = transaction;
  return layout(
    `Pay invoice ${request.invoiceNumber}`,
    `<h1 data-testid="pay-title">Pay invoice ${e(request.invoiceNumber)}</h1>
<dl>
  <dt>Merchant</dt><dd data-testid="pay-client-id">${e(options.clientId)}</dd>
  <dt>Invoice</dt><dd data-testid="pay-invoice-number">${e(request.invoiceNumber)}</dd>
  <dt>Product</dt><dd data-testid="pay-product">${e(request.productCode)}</dd>
  <dt>Company</dt><dd>${e(request.companyCode)}</dd>
  <dt>Amount</dt><dd data-testid="pay-amount">${NO_AMOUNT}</dd>
  <dt>Method</dt><dd data-testid="pay-method">${e(options.methodLabel)}</dd>
  <dt>Transaction</dt><dd data-testid="pay-transaction-id">${e(transaction.id)}</dd>
</dl>
${outcomeForm("pay", "transactionId", transaction, options.action, "Pay")}`,
  );
}

/** The `/paymentChange` page: the same results as the pay page, for a payment change. */
export function changePage(
  change: Transaction<PaymentChange>,
  options: { action: string; clientId: string; ticket: string | undefined },
): string {
  const { request } = change;
  return layout(
    `Change payment method for ${request.productCode}`,
    `<h1 data-testid="change-title">Change payment method for ${e(request.productCode)}</h1>
<dl>
  <dt>Merchant</dt><dd data-testid="change-client-id">${e(options.clientId)}</dd>
  <dt>New method</dt><dd data-testid="change-method">${e(request.paymentMethod)}</dd>
  <dt>Replaces ticket</dt><dd data-testid="change-ticket">${e(options.ticket ?? "none")}</dd>
  <dt>Change</dt><dd data-testid="change-id">${e(change.id)}</dd>
</dl>
${outcomeForm("change", "paymentChangeId", change, options.action, "Change")}`,
  );
}

export function problemPage(title: string, detail: string): string {
  return layout(title, `<h1>${e(title)}</h1><p data-testid="problem">${e(detail)}</p>`);
}
