// The "Change payment method" pages: the product's methods, the change form,
// and what the return link says. Each takes plain data and returns escaped HTML.
import type { PaymentMethodItem } from "@connect-payment/types";
import type { PaymentReturnStatus } from "@connect-payment/redirect";
import { escapeHtml as e, layout } from "./html.js";
import { paymentMethodName, PRODUCT } from "./invoice.js";

export function paymentMethodPage(
  items: readonly PaymentMethodItem[],
  changeMethods: readonly string[],
  csrfToken: string,
): string {
  const rows = items
    .map(
      (item) =>
        `<li data-testid="current-method" data-method="${e(item.paymentMethod ?? "")}">${e(
          paymentMethodName(item.paymentMethod),
        )} (${item.isActive === "Y" ? "active" : "not active"})</li>`,
    )
    .join("");
  // Changing to the method already in use would change nothing: it is not offered.
  const active = new Set(items.filter((item) => item.isActive === "Y").map((i) => i.paymentMethod));
  const offered = changeMethods.filter((method) => !active.has(method));
  return layout(
    "Change payment method",
    `<h1>Change payment method</h1>
<p>${e(PRODUCT.description)} is paid with:</p>
<ul data-testid="current-methods">${rows || "<li>No payment method yet</li>"}</ul>
${offered.length === 0 ? noOtherMethod() : changeForm(offered, csrfToken)}
<p><a href="/">Back to the invoice</a></p>`,
  );
}

function changeForm(methods: readonly string[], csrfToken: string): string {
  const options = methods
    .map(
      (method, index) =>
        `<label><input type="radio" name="paymentMethod" value="${e(method)}" data-testid="change-to-${e(method)}"${
          index === 0 ? " checked" : ""
        }> ${e(paymentMethodName(method))}</label>`,
    )
    .join("\n");
  return `<form method="post" action="/payment-method/change" data-testid="change-form">
  <input type="hidden" name="csrfToken" value="${e(csrfToken)}">
  <fieldset><legend>Change to</legend>
${options}
  </fieldset>
  <p><button type="submit" data-testid="change">Change payment method</button></p>
</form>`;
}

function noOtherMethod(): string {
  return `<p data-testid="no-other-method">You already use the only payment method this product offers.</p>`;
}

/**
 * What the customer reads when back from the change. The result comes in a
 * URL the customer's browser carries (anyone can edit it), so no sentence
 * says the change is made: the list on /payment-method, which is the payment
 * service's own record, says that.
 */
const RESULT_TEXT: Record<PaymentReturnStatus, string> = {
  finished: "You finished changing your payment method.",
  cancelled: "You cancelled the change. Your payment method stays as it was.",
  failed: "The change could not be made.",
  error: "The payment service had a problem with the change.",
  unknown: "The payment service has not told us how the change went yet.",
  initiated: "The change was started but not finished.",
  missing: "We did not get a result for the change from the payment service.",
  unrecognized: "We did not understand the result the payment service sent back.",
};

export function paymentMethodReturnPage(result: {
  status: PaymentReturnStatus;
  paymentChangeId: number;
}): string {
  return layout(
    "Back from changing the payment method",
    `<h1>Back from changing the payment method</h1>
<p class="status" data-testid="change-result-message">${e(RESULT_TEXT[result.status])}</p>
<p>Your payment methods page shows the method in use once the payment service has recorded it.</p>
<p class="note">Reference: change <span data-testid="change-result-id">${e(result.paymentChangeId)}</span>
· <span data-testid="change-result-status">${e(result.status)}</span></p>
<p><a class="button" href="/payment-method" data-testid="back-to-methods">See your payment methods</a></p>`,
  );
}
