// GET /payment/return: the binding proves which payment; the status picks the words only.
import { canRetry, isPaid, verifyPaymentReturn } from "@connect-payment/redirect";
import { publicUrl, shop } from "../../../lib/config.js";
import { page } from "../../../lib/pages.js";
import { html } from "../../../lib/session.js";

export async function GET(request: Request): Promise<Response> {
  const result = await verifyPaymentReturn(publicUrl(request), {
    secret: shop().config.returnUrlSecret,
  });
  if (!result.verified)
    return html(page("This link is not valid", `<p><a href="/">Home</a></p>`), 400);
  if (isPaid(result.status)) {
    return html(page("Thank you", "<p>We will confirm once the payment is registered.</p>"));
  }
  if (canRetry(result.status)) {
    return html(page("The payment did not go through", `<p><a href="/">Try again</a></p>`));
  }
  return html(page("We are checking your payment", "<p>This can take a moment.</p>"));
}
