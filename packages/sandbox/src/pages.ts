// The HTML the login server shows. Every value is escaped.
import { escapeHtml as e } from "./http.js";
import { STYLE } from "./page-security.js";
import type { Transaction } from "./transactions.js";

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

export function payPage(
  transaction: Transaction,
  options: { action: string; clientId: string; methodLabel: string },
): string {
  const { request } = transaction;
  const button = (outcome: string, label: string, className = "") =>
    `<button type="submit" name="outcome" value="${e(outcome)}" data-testid="pay-${e(outcome)}"${
      className ? ` class="${className}"` : ""
    }>${e(label)}</button>`;
  return layout(
    `Pay invoice ${request.invoiceNumber}`,
    `<h1 data-testid="pay-title">Pay invoice ${e(request.invoiceNumber)}</h1>
<dl>
  <dt>Merchant</dt><dd data-testid="pay-client-id">${e(options.clientId)}</dd>
  <dt>Product</dt><dd>${e(request.productCode)}</dd>
  <dt>Company</dt><dd>${e(request.companyCode)}</dd>
  <dt>Method</dt><dd data-testid="pay-method">${e(options.methodLabel)}</dd>
  <dt>Transaction</dt><dd data-testid="pay-transaction-id">${e(transaction.id)}</dd>
</dl>
<form method="post" action="${e(options.action)}" data-testid="pay-form">
  <input type="hidden" name="transactionId" value="${e(transaction.id)}">
  <input type="hidden" name="nonce" value="${e(transaction.nonce)}">
  <div class="buttons">
    ${button("finished", "Pay", "primary")}
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
</form>`,
  );
}

export function problemPage(title: string, detail: string): string {
  return layout(title, `<h1>${e(title)}</h1><p data-testid="problem">${e(detail)}</p>`);
}
