import { ConnectError, createConnectClient } from "@connect-payment/client";
import {
  bindReturnUrl,
  buildInvoicePaymentUrl,
  verifyPaymentReturn,
} from "@connect-payment/redirect";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";

// Your code under test: the route that starts a payment and answers with
// where to send the customer, and the one the customer comes back to.
const SECRET = "a-fixed-secret-of-32-or-more-bytes-from-your-config";

async function startPayment(sandbox: Sandbox, invoiceNumber: string): Promise<string> {
  // In your app, the logged-in customer's token; here a test customer signs in without a browser.
  const { accessToken } = sandbox.signIn("kari");
  const client = createConnectClient({ baseUrl: sandbox.apiUrl, accessToken });
  const { transactionId } = await client.payInvoice({
    invoiceNumber,
    productCode: "CO27409",
    companyCode: "68979834",
    paymentMethod: "vippsEcommerce",
  });
  const returnUrl = await bindReturnUrl("https://shop.example/return", {
    transactionId,
    secret: SECRET,
  });
  return buildInvoicePaymentUrl({
    loginServer: sandbox.loginServer,
    clientId: "no.mediaconnect.test",
    transactionId,
    returnUrl,
    errorUrl: "https://shop.example/payment-error",
  });
}

async function paymentReturn(url: string) {
  return verifyPaymentReturn(url, { secret: SECRET });
}

// The tests: a sandbox of their own, driven without a browser.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

test("a paid invoice comes back bound to its transaction", async () => {
  const payUrl = await startPayment(sandbox, "7435367");
  const back = sandbox.completePayment(payUrl, "finished");

  const result = await paymentReturn(back);
  // Bound to this payment; the status is still the browser's claim: show it,
  // and grant from the provider's own record of the invoice.
  expect(result).toMatchObject({ verified: true, status: "finished" });
  expect(result.verified && result.transactionId).toBe(sandbox.transactions()[0]?.id);
  // What the API received was valid under the spec.
  expect(sandbox.requests().map((r) => r.requestIssues)).toEqual([[]]);
});

test("a cancelled payment comes back cancelled", async () => {
  const back = sandbox.completePayment(await startPayment(sandbox, "7435367"), "cancelled");
  expect(await paymentReturn(back)).toMatchObject({ verified: true, status: "cancelled" });
});

test("a system error sends the customer to errorUrl", async () => {
  const back = sandbox.completePayment(await startPayment(sandbox, "7435367"), "system_error");
  expect(back).toBe("https://shop.example/payment-error");
});

test("when the API does not add the payment, the route says so", async () => {
  const failed = startPayment(sandbox, SANDBOX_TRIGGERS.notAdded);
  await expect(failed).rejects.toBeInstanceOf(ConnectError);
  await expect(failed).rejects.toMatchObject({ code: "payment_not_added" });
});
