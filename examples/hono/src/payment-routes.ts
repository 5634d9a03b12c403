// POST /pay, GET /payment/return, GET /payment/error.
import { PAYMENT_METHODS, type PaymentMethod } from "@connect-payment/client";
import type { ConnectIdLogin } from "@connect-payment/oauth";
import {
  bindReturnUrl,
  buildInvoicePaymentUrl,
  canRetry,
  isPaid,
  verifyPaymentReturn,
} from "@connect-payment/redirect";
import { Hono } from "hono";
import type { ShopConfig } from "./config.js";
import { clientFor } from "./connect.js";
import { publicUrl } from "./login-routes.js";
import { page } from "./pages.js";
import type { ShopEnv } from "./session.js";

const isPaymentMethod = (value: unknown): value is PaymentMethod =>
  (PAYMENT_METHODS as readonly unknown[]).includes(value);

export function paymentRoutes(config: ShopConfig, login: ConnectIdLogin) {
  return new Hono<ShopEnv>()
    .post("/pay", async (c) => {
      const tokenSource = c.var.session.tokenSource;
      if (!tokenSource) return c.redirect("/login", 303);
      const { invoiceNumber, paymentMethod } = await c.req.parseBody();
      if (typeof invoiceNumber !== "string" || !isPaymentMethod(paymentMethod)) {
        return c.html(page("Choose an invoice and a payment method", ""), 400);
      }
      const { transactionId } = await clientFor(config, tokenSource).payInvoice({
        invoiceNumber,
        productCode: config.productCode,
        companyCode: config.companyCode,
        paymentMethod,
      });
      // Bound to this payment: the return proves which payment it is for.
      const returnUrl = await bindReturnUrl(`${config.publicOrigin}/payment/return`, {
        transactionId,
        secret: config.returnUrlSecret,
      });
      const payUrl = buildInvoicePaymentUrl({
        loginServer: login.loginServer,
        clientId: config.clientId,
        transactionId,
        returnUrl,
        errorUrl: `${config.publicOrigin}/payment/error`,
      });
      return c.redirect(payUrl, 303);
    })
    .get("/payment/return", async (c) => {
      const result = await verifyPaymentReturn(publicUrl(config, c.req.url), {
        secret: config.returnUrlSecret,
      });
      if (!result.verified)
        return c.html(page("This link is not valid", `<p><a href="/">Home</a></p>`), 400);
      // The status picks the words; what the customer gets follows the
      // provider's record of the invoice, never this URL.
      if (isPaid(result.status)) {
        return c.html(page("Thank you", "<p>We will confirm once the payment is registered.</p>"));
      }
      if (canRetry(result.status)) {
        return c.html(page("The payment did not go through", `<p><a href="/">Try again</a></p>`));
      }
      return c.html(page("We are checking your payment", "<p>This can take a moment.</p>"));
    })
    .get("/payment/error", (c) =>
      c.html(page("The payment could not be started", `<p><a href="/">Back</a></p>`), 502),
    );
}
