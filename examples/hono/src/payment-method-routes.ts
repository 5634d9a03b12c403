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
import { Hono } from "hono";
import type { ShopConfig } from "./config.js";
import { clientFor } from "./connect.js";
import { publicUrl } from "./login-routes.js";
import { escapeHtml, page } from "./pages.js";
import type { ShopEnv } from "./session.js";

/** The method this shop offers to change to (the reference shows one). */
const NEW_METHOD = PAYMENT_CHANGE_METHODS[0];

export function paymentMethodRoutes(config: ShopConfig, login: ConnectIdLogin) {
  return new Hono<ShopEnv>()
    .get("/payment-method", async (c) => {
      const tokenSource = c.var.session.tokenSource;
      if (!tokenSource) return c.redirect("/login", 303);
      const items = await clientFor(config, tokenSource).listPaymentMethods(config.productCode);
      // `paymentMethod` is optional on a listed item: say "unknown", never guess.
      const current = items.find((item) => item.isActive === "Y")?.paymentMethod ?? "unknown";
      const offer =
        current === NEW_METHOD
          ? ""
          : `<form method="post" action="/payment-method"><button>Change to a card</button></form>`;
      return c.html(page("Payment method", `<p>Now: ${escapeHtml(current)}</p>${offer}`));
    })
    .post("/payment-method", async (c) => {
      const session = c.var.session;
      if (!session.tokenSource) return c.redirect("/login", 303);
      const { paymentChangeId } = await clientFor(config, session.tokenSource).changePaymentMethod(
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
      return c.redirect(changeUrl, 303);
    })
    .get("/payment-method/return", async (c) => {
      const session = c.var.session;
      const result = await verifyPaymentReturn(publicUrl(config, c.req.url), {
        secret: config.returnUrlSecret,
      });
      // Bound to the change this customer started, not just any change.
      if (!result.verified || result.transactionId !== session.paymentChangeId) {
        return c.html(page("This link is not valid", `<p><a href="/">Home</a></p>`), 400);
      }
      delete session.paymentChangeId;
      if (isPaid(result.status)) {
        return c.html(
          page("Your new payment method is saved", `<p><a href="/payment-method">See it</a></p>`),
        );
      }
      const title = canRetry(result.status)
        ? "Nothing was changed"
        : "We are waiting for the payment provider";
      return c.html(page(title, `<p><a href="/payment-method">Back</a></p>`));
    });
}
