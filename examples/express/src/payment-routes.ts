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
import { Router, urlencoded } from "express";
import type { ShopConfig } from "./config.js";
import { clientFor } from "./connect.js";
import { page } from "./pages.js";

const isPaymentMethod = (value: unknown): value is PaymentMethod =>
  (PAYMENT_METHODS as readonly unknown[]).includes(value);

export function paymentRoutes(config: ShopConfig, login: ConnectIdLogin): Router {
  const router = Router();

  router.post("/pay", urlencoded({ extended: false }), async (request, response) => {
    const tokenSource = request.session.tokenSource;
    if (!tokenSource) return response.redirect(303, "/login");
    const { invoiceNumber, paymentMethod } = request.body as Record<string, unknown>;
    if (typeof invoiceNumber !== "string" || !isPaymentMethod(paymentMethod)) {
      return response.status(400).send(page("Choose an invoice and a payment method", ""));
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
    response.redirect(303, payUrl);
  });

  router.get("/payment/return", async (request, response) => {
    const result = await verifyPaymentReturn(request.originalUrl, {
      secret: config.returnUrlSecret,
      expectedOrigin: config.publicOrigin,
    });
    if (!result.verified) {
      return response
        .status(400)
        .send(page("This link is not valid", `<p><a href="/">Home</a></p>`));
    }
    // The status picks the words; what the customer gets follows the
    // provider's record of the invoice, never this URL.
    if (isPaid(result.status)) {
      return response.send(
        page("Thank you", "<p>We will confirm once the payment is registered.</p>"),
      );
    }
    if (canRetry(result.status)) {
      return response.send(
        page("The payment did not go through", `<p><a href="/">Try again</a></p>`),
      );
    }
    response.send(page("We are checking your payment", "<p>This can take a moment.</p>"));
  });

  router.get("/payment/error", (_request, response) => {
    response
      .status(502)
      .send(page("The payment could not be started", `<p><a href="/">Back</a></p>`));
  });

  return router;
}
