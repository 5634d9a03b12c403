// @ts-check
// @connect-payment/sandbox: a merchant's test, no browser: start it, sign a
// test customer in, pay with the client, finish the payment, close. It starts
// an HTTP server, so it runs on the server runtimes only.
import {
  LISTED_PAYMENT_METHODS,
  PAYMENT_CHANGE_METHODS,
  PAY_INVOICE_PATH,
  createConnectClient,
  readInvoice,
} from "@connect-payment/client";
import { PAY_PAGE_PATH, buildPaymentChangeUrl } from "@connect-payment/redirect";
import { startSandbox } from "@connect-payment/sandbox";
import { equal } from "./support.mjs";

export const runtimes = ["node", "deno", "bun"];

/** The merchant's own product, any code the spec allows (at most 12 characters). */
const PRODUCT_CODE = "PRODUCT-1";

/** @type {import("./support.mjs").Suite} */
export default {
  "startSandbox: sign in, pay, complete without a browser, close": async () => {
    const sandbox = await startSandbox();
    try {
      // Pay invoice pays only what the customer's record holds: the merchant's test adds it.
      sandbox.addInvoice({
        customer: "ola",
        invoiceNumber: "INV-0001",
        productCode: PRODUCT_CODE,
        companyCode: "COMPANY-1",
      });
      const client = createConnectClient({
        baseUrl: sandbox.apiUrl,
        accessToken: sandbox.signIn("ola").accessToken,
      });
      const { transactionId } = await client.payInvoice({
        invoiceNumber: "INV-0001",
        productCode: PRODUCT_CODE,
        companyCode: "COMPANY-1",
        paymentMethod: "nexi",
      });
      const payUrl = `${sandbox.loginServer}${PAY_PAGE_PATH}?${new URLSearchParams({
        clientId: "no.mediaconnect.test",
        returnUrl: "https://shop.example/return",
        errorUrl: "https://shop.example/error",
        transactionId: String(transactionId),
      })}`;
      const back = sandbox.completePayment(payUrl, "finished");
      equal(back, "https://shop.example/return?paymentStatus=finished", "return URL");
      equal(
        sandbox.requests().map((request) => [request.status, request.requestIssues]),
        [[200, []]],
        "what the API received",
      );
      const refused = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
        method: "POST",
        headers: { authorization: "Bearer made-up", "content-type": "application/json" },
        body: "{}",
      });
      equal(refused.status, 401, "a token the sandbox never issued");
    } finally {
      await sandbox.close();
    }
  },

  // Needs the sandbox's Invoice section (its record, addInvoice, paidRecordDelayMs).
  "startSandbox: list what the customer owes, pay it, confirm it from the record": async () => {
    const sandbox = await startSandbox({ paidRecordDelayMs: 1 });
    try {
      const added = /** @type {{ product: string, companyCode: string }} */ (
        sandbox.addInvoice({ customer: "ola", invoiceNumber: "801", invoiceAmount: "0.30" })
      );
      const client = createConnectClient({
        baseUrl: sandbox.apiUrl,
        accessToken: sandbox.signIn("ola").accessToken,
      });
      const { invoices } = await client.listInvoices(added.product, {
        unpaid: true,
        from: "2000-01-01",
        to: "2100-12-31",
      });
      const owed = invoices.map((record) => readInvoice(record));
      const invoice = owed.find((read) => read.invoiceNumber === "801");
      equal([invoice?.invoicedMinor, invoice?.state], [30, "unpaid"], "the added invoice, read");
      const paying = {
        productCode: added.product,
        companyCode: added.companyCode,
        invoiceNumber: "801",
      };
      const { transactionId } = await client.payInvoice({ ...paying, paymentMethod: "nexi" });
      const payUrl = `${sandbox.loginServer}${PAY_PAGE_PATH}?${new URLSearchParams({
        clientId: "no.mediaconnect.test",
        returnUrl: "https://shop.example/return",
        errorUrl: "https://shop.example/error",
        transactionId: String(transactionId),
      })}`;
      sandbox.completePayment(payUrl, "finished");
      const confirmed = await client.confirmInvoicePayment(paying, { waitMs: 30_000 });
      equal(confirmed.state, "paid", "the record, once it shows the payment");
    } finally {
      await sandbox.close();
    }
  },

  "startSandbox: list payment methods, change one, complete the change, list again": async () => {
    const sandbox = await startSandbox();
    try {
      const client = createConnectClient({
        baseUrl: sandbox.apiUrl,
        accessToken: sandbox.signIn("ola").accessToken,
      });
      const before = await client.listPaymentMethods(PRODUCT_CODE);
      equal(
        before,
        [{ paymentMethod: LISTED_PAYMENT_METHODS[0], isActive: "Y" }],
        "methods before",
      );
      const { paymentChangeId } = await client.changePaymentMethod(PRODUCT_CODE, {
        paymentMethod: PAYMENT_CHANGE_METHODS[0],
      });
      const changeUrl = buildPaymentChangeUrl({
        loginServer: sandbox.loginServer,
        clientId: "no.mediaconnect.test",
        paymentChangeId,
        returnUrl: "https://shop.example/method/return",
        errorUrl: "https://shop.example/method/error",
      });
      const back = sandbox.completePaymentChange(changeUrl, "finished");
      equal(back, "https://shop.example/method/return?paymentStatus=finished", "return URL");
      const after = await client.listPaymentMethods(PRODUCT_CODE);
      equal(after, [{ paymentMethod: PAYMENT_CHANGE_METHODS[0], isActive: "Y" }], "methods after");
      equal(
        sandbox.requests().map((request) => [request.status, request.responseIssues]),
        [
          [200, []],
          [200, []],
          [200, []],
        ],
        "what the API answered",
      );
    } finally {
      await sandbox.close();
    }
  },
};
