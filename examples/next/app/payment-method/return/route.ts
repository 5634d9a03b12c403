// GET /payment-method/return: bound to the change this customer started.
import { canRetry, isPaid, verifyPaymentReturn } from "@connect-payment/redirect";
import { publicUrl, shop } from "../../../lib/config.js";
import { page } from "../../../lib/pages.js";
import { html, sessionOf } from "../../../lib/session.js";

export async function GET(request: Request): Promise<Response> {
  const session = sessionOf(request);
  const result = await verifyPaymentReturn(publicUrl(request), {
    secret: shop().config.returnUrlSecret,
  });
  if (!result.verified || result.transactionId !== session.paymentChangeId) {
    return html(page("This link is not valid", `<p><a href="/">Home</a></p>`), 400);
  }
  delete session.paymentChangeId;
  if (isPaid(result.status)) {
    return html(
      page("Your new payment method is saved", `<p><a href="/payment-method">See it</a></p>`),
    );
  }
  const title = canRetry(result.status)
    ? "Nothing was changed"
    : "We are waiting for the payment provider";
  return html(page(title, `<p><a href="/payment-method">Back</a></p>`));
}
