// @ts-check
// Client mode, end to end against a real sandbox the harness started: a
// customer starts two payments and finishes one (through the sandbox's HTTP
// control path, as a test in any language would), then the back office takes
// the merchant's own token from the sandbox's token endpoint
// (createClientCredentialsSource), lists the customer's invoices in client
// mode, and reconciles the started payments. Everything over the runtime's fetch.
import {
  ConnectError,
  createConnectClient,
  paymentKey,
  readInvoice,
  reconcilePayments,
} from "@connect-payment/client";
import { ConnectIdError, createClientCredentialsSource } from "@connect-payment/oauth";
import { PAY_PAGE_PATH } from "@connect-payment/redirect";
import { assert, equal, rejection } from "./support.mjs";

// The client secret sits on the merchant's server: a page must never hold it,
// and the sandbox's token endpoint and control path answer no CORS (README, "Suites").
export const runtimes = ["node", "deno", "bun", "edge", "workerd"];

/** Dates wide enough for every invoice the sandbox adds today. */
const WIDE = { from: "2000-01-01", to: "2100-12-31" };

/**
 * POSTs JSON to the sandbox's control path; its answer.
 * @param {import("./support.mjs").ScenarioEnv} env
 * @param {string} path
 * @param {unknown} body
 */
async function control(env, path, body) {
  const response = await fetch(`${env.sandbox.controlUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  assert(response.ok, `control ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * The merchant's back office: the client credentials token source and a client in client mode.
 * @param {import("./support.mjs").ScenarioEnv} env
 * @param {string} [clientSecret]
 */
function backOfficeOf(env, clientSecret = env.sandbox.clientSecret) {
  const accessToken = createClientCredentialsSource({
    loginServer: env.sandbox.loginServer,
    clientId: env.sandbox.clientId,
    clientSecret,
  });
  const client = createConnectClient({
    baseUrl: env.sandbox.apiUrl,
    accessToken,
    retryDelayMs: () => 1,
  });
  return { accessToken, client };
}

/**
 * What the merchant's payment route stores when a customer starts paying: two
 * invoices of this runtime's own product, both started, only the first finished
 * at the pay page; the customer never comes back from either.
 * @param {import("./support.mjs").ScenarioEnv} env
 */
async function customerStartsTwoPayments(env) {
  // A product of this runtime's own (at most 12 characters), so runtimes running at once never meet.
  const productCode = `RT-${env.runtime}`.slice(0, 12);
  const customer = "ola";
  /** @type {{ invoiceNumber: string, companyCode: string, customerNumber: number }[]} */
  const added = [];
  for (let i = 0; i < 2; i++) {
    const { invoice } = await control(env, "/invoices", {
      customer,
      productCode,
      invoiceAmount: "0.30",
    });
    added.push(invoice);
  }
  const { access_token } = await control(env, "/sign-in", { customer });
  const customerClient = createConnectClient({
    baseUrl: env.sandbox.apiUrl,
    accessToken: access_token,
  });
  const started = [];
  for (const [index, invoice] of added.entries()) {
    const payment = {
      customerNumber: Number(invoice.customerNumber),
      productCode,
      companyCode: String(invoice.companyCode),
      invoiceNumber: String(invoice.invoiceNumber),
      startedAt: Date.now(),
    };
    const { transactionId } = await customerClient.payInvoice({
      productCode,
      companyCode: payment.companyCode,
      invoiceNumber: payment.invoiceNumber,
      paymentMethod: "nexi",
    });
    if (index === 0) {
      const payUrl = `${env.sandbox.loginServer}${PAY_PAGE_PATH}?${new URLSearchParams({
        clientId: env.sandbox.clientId,
        returnUrl: "https://shop.example/return",
        errorUrl: "https://shop.example/error",
        transactionId: String(transactionId),
      })}`;
      await control(env, "/complete", { payUrl, outcome: "finished" });
    }
    started.push(payment);
  }
  return { customerToken: String(access_token), started };
}

/**
 * Every string a caller could see of an error and its cause.
 * @param {any} error
 */
const viewsOf = (error) =>
  [error?.message, error?.stack, JSON.stringify(error), error?.cause?.message].map(String);

/** @type {import("./support.mjs").Suite} */
export default {
  "createClientCredentialsSource: the merchant's token from the sandbox's token endpoint, kept, refused with a wrong secret that no error shows":
    async (env) => {
      const { accessToken } = backOfficeOf(env);
      const first = await accessToken();
      assert(first.length > 0, "no access token");
      equal(
        await accessToken(),
        first,
        "the second call's token (kept until shortly before expiry)",
      );
      const wrong = "runtime-matrix-wrong-secret";
      const error = await rejection(backOfficeOf(env, wrong).accessToken());
      assert(error instanceof ConnectIdError, `not a ConnectIdError: ${error}`);
      equal([error.code, error.oauthError], ["provider_error", "invalid_client"], "code");
      for (const view of viewsOf(error)) {
        assert(!view.includes(wrong), `the client secret shows in: ${view}`);
      }
    },

  "listClientInvoicesForProduct, listClientInvoices and readInvoice: the customer's invoices in client mode, one paid":
    async (env) => {
      const { started } = await customerStartsTwoPayments(env);
      const [paid, left] = /** @type {[any, any]} */ (started);
      const { client } = backOfficeOf(env);
      const forProduct = await client.listClientInvoicesForProduct(
        paid.customerNumber,
        paid.productCode,
        WIDE,
      );
      // Client mode names the invoice `invoiceId` (the sandbox: user mode's invoiceNumber as text).
      const read = (/** @type {any[]} */ list) =>
        list
          .filter((invoice) => [paid.invoiceNumber, left.invoiceNumber].includes(invoice.invoiceId))
          .map((invoice) => {
            const reading = readInvoice(invoice);
            return [invoice.invoiceId, reading.invoicedMinor, reading.state];
          })
          .sort();
      const expected = [
        [paid.invoiceNumber, 30, "paid"],
        [left.invoiceNumber, 30, "unpaid"],
      ].sort();
      equal(read(forProduct), expected, "this product's invoices, read");
      const everyProduct = await client.listClientInvoices(paid.customerNumber, WIDE);
      equal(read(everyProduct), expected, "every product's invoices, read");
    },

  "reconcilePayments: the finished payment paid, the other not, each once under its paymentKey; the checkpoint resumes past them":
    async (env) => {
      const { started } = await customerStartsTwoPayments(env);
      const { client } = backOfficeOf(env);
      const judge = (/** @type {Record<string, unknown>} */ invoice) => readInvoice(invoice).state;
      const results = [];
      for await (const result of reconcilePayments(client, { payments: started, judge })) {
        results.push(result);
      }
      equal(
        results.map((result) => [result.key, result.state]),
        started.map((payment, index) => [paymentKey(payment), index === 0 ? "paid" : "unpaid"]),
        "what the record says of each started payment",
      );
      equal(new Set(results.map((result) => result.key)).size, 2, "distinct keys");
      const checkpoint = results.at(-1)?.checkpoint;
      assert(checkpoint, "no checkpoint");
      const again = [];
      for await (const result of reconcilePayments(client, {
        payments: started,
        judge,
        checkpoint,
      })) {
        again.push(result);
      }
      equal(again.length, 0, "results after the last checkpoint");
    },

  "the wrong token for the mode: a customer's token on a client-mode call is refused and named, a client token on Pay invoice too":
    async (env) => {
      const { customerToken, started } = await customerStartsTwoPayments(env);
      const payment = /** @type {any} */ (started[1]);
      const asCustomer = createConnectClient({
        baseUrl: env.sandbox.apiUrl,
        accessToken: customerToken,
      });
      const error = await rejection(
        asCustomer.listClientInvoicesForProduct(payment.customerNumber, payment.productCode, WIDE),
      );
      assert(error instanceof ConnectError, `not a ConnectError: ${error}`);
      equal(error.code, "unauthorized", "code");
      assert(
        /merchant's own token/.test(error.message),
        `the message does not name the token: ${error.message}`,
      );
      const { client: backOffice } = backOfficeOf(env);
      const wrongWay = await rejection(
        backOffice.payInvoice({
          productCode: payment.productCode,
          companyCode: payment.companyCode,
          invoiceNumber: payment.invoiceNumber,
          paymentMethod: "nexi",
        }),
      );
      assert(wrongWay instanceof ConnectError, `not a ConnectError: ${wrongWay}`);
      equal(
        [wrongWay.code, wrongWay.status],
        ["unauthorized", 401],
        "Pay invoice with the merchant's own token",
      );
    },
};
