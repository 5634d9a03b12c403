// GET /payment-method: the product's method now; POST: start a change and redirect.
import { PAYMENT_CHANGE_METHODS } from "@connect-payment/client";
import { bindReturnUrl, buildPaymentChangeUrl } from "@connect-payment/redirect";
import { clientFor, shop } from "../../lib/config.js";
import { answering } from "../../lib/errors.js";
import { escapeHtml, page } from "../../lib/pages.js";
import { html, redirect, sessionOf } from "../../lib/session.js";
import { refuseCrossSite } from "../../lib/same-origin.js";

/** The method this shop offers to change to (the reference shows one). */
const NEW_METHOD = PAYMENT_CHANGE_METHODS[0];

export async function GET(request: Request): Promise<Response> {
  const session = sessionOf(request);
  return answering(session, async () => {
    if (!session.tokenSource) return redirect("/login", session);
    const items = await clientFor(session.tokenSource).listPaymentMethods(
      shop().config.productCode,
    );
    // `paymentMethod` is optional on a listed item: say "unknown", never guess.
    const current = items.find((item) => item.isActive === "Y")?.paymentMethod ?? "unknown";
    const offer =
      current === NEW_METHOD
        ? ""
        : `<form method="post" action="/payment-method"><button>Change to a card</button></form>`;
    return html(page("Payment method", `<p>Now: ${escapeHtml(current)}</p>${offer}`));
  });
}

export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const session = sessionOf(request);
  return answering(session, async () => {
    if (!session.tokenSource) return redirect("/login", session);
    const { config, login } = shop();
    const { paymentChangeId } = await clientFor(session.tokenSource).changePaymentMethod(
      config.productCode,
      { paymentMethod: NEW_METHOD },
    );
    session.paymentChangeId = paymentChangeId;
    // The binding's field is named transactionId; for a change it holds the paymentChangeId.
    const returnUrl = await bindReturnUrl(`${config.publicOrigin}/payment-method/return`, {
      transactionId: paymentChangeId,
      secret: config.returnUrlSecret,
    });
    const changeUrl = buildPaymentChangeUrl({
      loginServer: login.loginServer,
      clientId: config.clientId,
      paymentChangeId,
      returnUrl,
      errorUrl: `${config.publicOrigin}/payment/error`,
    });
    return redirect(changeUrl, session);
  });
}
