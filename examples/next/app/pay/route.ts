// POST /pay: start the payment with this customer's token, bind the return, redirect.
import { PAYMENT_METHODS, type PaymentMethod } from "@connect-payment/client";
import { bindReturnUrl, buildInvoicePaymentUrl } from "@connect-payment/redirect";
import { clientFor, shop } from "../../lib/config.js";
import { answering } from "../../lib/errors.js";
import { page } from "../../lib/pages.js";
import { html, redirect, sessionOf } from "../../lib/session.js";
import { refuseCrossSite } from "../../lib/same-origin.js";

const isPaymentMethod = (value: unknown): value is PaymentMethod =>
  (PAYMENT_METHODS as readonly unknown[]).includes(value);

export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const session = sessionOf(request);
  return answering(session, async () => {
    if (!session.tokenSource) return redirect("/login", session);
    const form = await request.formData();
    const invoiceNumber = form.get("invoiceNumber");
    const paymentMethod = form.get("paymentMethod");
    if (typeof invoiceNumber !== "string" || !isPaymentMethod(paymentMethod)) {
      return html(page("Choose an invoice and a payment method", ""), 400);
    }
    const { config, login } = shop();
    const { transactionId } = await clientFor(session.tokenSource).payInvoice({
      invoiceNumber,
      productCode: config.productCode,
      companyCode: config.companyCode,
      paymentMethod,
    });
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
    return redirect(payUrl, session);
  });
}
