// The "Change payment method" pages: the product's methods, the change form,
// and what the return link says. Each takes plain data and returns escaped HTML.
import type { PaymentMethodItem } from "@connect-payment/types";
import type { PaymentReturnStatus } from "@connect-payment/redirect";
import { escapeHtml as e, layout } from "./html.js";
import { DEMO_INVOICE } from "./invoice.js";

export function paymentMethodPage(
  items: readonly PaymentMethodItem[],
  changeMethods: readonly string[],
  csrfToken: string,
): string {
  const rows = items
    .map(
      (item) =>
        `<li data-testid="current-method">${e(item.paymentMethod ?? "unnamed")} (${
          item.isActive === "Y" ? "active" : `isActive: ${e(item.isActive ?? "not given")}`
        })</li>`,
    )
    .join("");
  const options = changeMethods
    .map(
      (method, index) =>
        `<label><input type="radio" name="paymentMethod" value="${e(method)}" data-testid="change-to-${e(method)}"${
          index === 0 ? " checked" : ""
        }> ${e(method)}</label>`,
    )
    .join("\n");
  return layout(
    "Change payment method",
    `<h1>Change payment method</h1>
<p>Product <strong>${e(DEMO_INVOICE.productCode)}</strong> is paid with:</p>
<ul data-testid="current-methods">${rows || "<li>no method on record</li>"}</ul>
<form method="post" action="/payment-method/change" data-testid="change-form">
  <input type="hidden" name="csrfToken" value="${e(csrfToken)}">
  <fieldset><legend>Change to</legend>
${options}
  </fieldset>
  <p><button type="submit" data-testid="change">Change payment method</button></p>
</form>
<p><a href="/">Back to the invoice</a></p>`,
  );
}

const CLAIM_TEXT: Record<PaymentReturnStatus, string> = {
  finished: "The return link says the payment method was changed.",
  cancelled: "The return link says you cancelled the change.",
  failed: "The return link says the change could not be made.",
  error: "The return link reports an error at the payment service.",
  unknown: "The return link says the change's status is not known yet.",
  initiated: "The return link says the change was started but not finished.",
  missing: "The return link carries no result.",
  unrecognized: "The return link carries a result this shop does not recognise.",
};

export function paymentMethodReturnPage(result: {
  status: PaymentReturnStatus;
  paymentChangeId: number;
}): string {
  return layout(
    "Back from changing the payment method",
    `<h1>Back from changing the payment method</h1>
<p class="status" data-testid="change-result-message">${e(CLAIM_TEXT[result.status])}</p>
<dl>
  <dt>The link says</dt><dd data-testid="change-result-status">${e(result.status)}</dd>
  <dt>Change</dt><dd data-testid="change-result-id">${e(result.paymentChangeId)}</dd>
</dl>
<p class="note">The product's payment method follows the payment service's own record (the list
on the next page), not this link.</p>
<p><a class="button" href="/payment-method" data-testid="back-to-methods">See the payment methods</a></p>`,
  );
}
