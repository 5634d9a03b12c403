// GET /payment-method, POST /payment-method, GET /payment-method/return.
import { PAYMENT_CHANGE_METHODS } from "@connect-payment/client";
import type { ConnectIdLogin } from "@connect-payment/oauth";
import {
  bindReturnUrl,
  buildPaymentChangeUrl,
  canRetry,
  isPaid,
  verifyPaymentReturn,
} from "@connect-payment/redirect";
import { Router } from "express";
import type { ShopConfig } from "./config.js";
import { clientFor } from "./connect.js";
import { escapeHtml, page } from "./pages.js";

/** The method this shop offers to change to (the reference shows one). */
const NEW_METHOD = PAYMENT_CHANGE_METHODS[0];

export function paymentMethodRoutes(config: ShopConfig, login: ConnectIdLogin): Router {
  const router = Router();

  router.get("/payment-method", async (request, response) => {
    const tokenSource = request.session.tokenSource;
    if (!tokenSource) return response.redirect(303, "/login");
    const items = await clientFor(config, tokenSource).listPaymentMethods(config.productCode);
    const active = items.find((item) => item.isActive === "Y");
    // `paymentMethod` is optional on a listed item: say "unknown", never guess.
    const current = active?.paymentMethod ?? "unknown";
    const offer =
      current === NEW_METHOD
        ? ""
        : `<form method="post" action="/payment-method"><button>Change to a card</button></form>`;
    response.send(
      page("Payment method", `<p data-testid="current">Now: ${escapeHtml(current)}</p>${offer}`),
    );
  });

  router.post("/payment-method", async (request, response) => {
    const tokenSource = request.session.tokenSource;
    if (!tokenSource) return response.redirect(303, "/login");
    const { paymentChangeId } = await clientFor(config, tokenSource).changePaymentMethod(
      config.productCode,
      { paymentMethod: NEW_METHOD },
    );
    request.session.paymentChangeId = paymentChangeId;
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
    response.redirect(303, changeUrl);
  });

  router.get("/payment-method/return", async (request, response) => {
    const result = await verifyPaymentReturn(request.originalUrl, {
      secret: config.returnUrlSecret,
      expectedOrigin: config.publicOrigin,
    });
    // Bound to the change this customer started, not just any change.
    if (!result.verified || result.transactionId !== request.session.paymentChangeId) {
      return response
        .status(400)
        .send(page("This link is not valid", `<p><a href="/">Home</a></p>`));
    }
    delete request.session.paymentChangeId;
    if (isPaid(result.status)) {
      return response.send(
        page("Your new payment method is saved", `<p><a href="/payment-method">See it</a></p>`),
      );
    }
    const title = canRetry(result.status)
      ? "Nothing was changed"
      : "We are waiting for the payment provider";
    response.send(page(title, `<p><a href="/payment-method">Back</a></p>`));
  });

  return router;
}
