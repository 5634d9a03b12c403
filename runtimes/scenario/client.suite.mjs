// @ts-check
// @connect-payment/client with the runtime's own fetch, against the test API server.
import {
  ConnectError,
  LISTED_PAYMENT_METHODS,
  PAYMENT_CHANGE_METHODS,
  PAY_INVOICE_PATH,
  createConnectClient,
  readInvoice,
} from "@connect-payment/client";
import { createRawClient } from "@connect-payment/client/raw";
import { TOKEN, apiFor, assert, equal, received, rejection } from "./support.mjs";

/**
 * @param {import("./support.mjs").ScenarioEnv} env
 * @param {string} behaviour
 * @param {Partial<import("@connect-payment/client").ConnectClientOptions>} [options]
 */
const clientFor = (env, behaviour, options = {}) =>
  createConnectClient({
    baseUrl: apiFor(env, behaviour),
    accessToken: TOKEN,
    retryDelayMs: () => 1,
    ...options,
  });

/**
 * Fails unless `error` is a ConnectError with this code.
 * @param {unknown} error
 * @param {string} code
 */
function expectCode(error, code) {
  assert(error instanceof ConnectError, `expected a ConnectError, got ${String(error)}`);
  equal(error.code, code, "error code");
}

/** Every string a caller could see of an error and its cause, for the token search. */
function viewsOf(/** @type {any} */ error) {
  const cause = error?.cause;
  const props = (/** @type {any} */ value) =>
    Object.getOwnPropertyNames(Object(value)).map((key) => `${key}=${String(value[key])}`);
  return [
    error?.message,
    String(error?.stack),
    JSON.stringify(error),
    ...props(error),
    String(cause),
    String(cause?.message),
    String(cause?.stack),
    JSON.stringify(cause),
    ...props(cause),
  ];
}

/** @type {import("./support.mjs").Suite} */
export default {
  "payInvoice: success, and the server received exactly the request": async (env) => {
    const result = await clientFor(env, "ok").payInvoice({ ...env.body });
    equal(result, { transactionId: 4242 }, "result");
    const seen = await received(env, "ok");
    equal(seen.length, 1, "requests received");
    assert(seen[0]?.exact, `not the exact request: ${seen[0]?.problems.join(", ")}`);
  },

  "payInvoice: 429 then success, exactly one retry": async (env) => {
    const result = await clientFor(env, "limited").payInvoice({ ...env.body });
    equal(result, { transactionId: 4242 }, "result");
    const seen = await received(env, "limited");
    equal(seen.length, 2, "requests received");
    assert(
      seen.every((r) => r.exact),
      "the retry sent another request",
    );
  },

  "payInvoice: 500 is a server_error, sent exactly once": async (env) => {
    const error = await rejection(
      clientFor(env, "error", { maxRetries: 5 }).payInvoice({ ...env.body }),
    );
    expectCode(error, "server_error");
    equal(error.status, 500, "status");
    equal((await received(env, "error")).length, 1, "requests received");
  },

  "payInvoice: a hanging server hits the timeout": async (env) => {
    const started = Date.now();
    const error = await rejection(
      clientFor(env, "hang", { timeoutMs: 300 }).payInvoice({ ...env.body }),
    );
    expectCode(error, "timeout");
    // A timer never fires early, so this holds on any machine; no upper bound,
    // which a loaded machine could break (the code already says the timer ended it).
    const elapsed = Date.now() - started;
    assert(elapsed >= 250, `timed out after ${elapsed} ms, before the 300 ms timeout`);
  },

  "payInvoice: the caller's signal aborts": async (env) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    // "aborted", not "timeout": the caller's signal ended the wait, whatever the
    // machine's load (no bound on elapsed time).
    const error = await rejection(
      clientFor(env, "hang", { timeoutMs: 20_000 }).payInvoice(
        { ...env.body },
        { signal: controller.signal },
      ),
    );
    expectCode(error, "aborted");
  },

  "raw: POST succeeds, and the server received exactly the request": async (env) => {
    const raw = createRawClient({ baseUrl: apiFor(env, "ok"), accessToken: TOKEN });
    const { data, response } = await raw.POST(PAY_INVOICE_PATH, {
      body: { ...env.body },
    });
    equal(response.status, 200, "status");
    equal(data, { success: true, transactionId: 4242 }, "data");
    const seen = await received(env, "ok");
    assert(seen.at(-1)?.exact, `not the exact request: ${seen.at(-1)?.problems.join(", ")}`);
  },

  "listPaymentMethods and changePaymentMethod: the exact requests, the spec's responses": async (
    env,
  ) => {
    const client = clientFor(env, "methods");
    equal(
      await client.listPaymentMethods(env.productCode),
      [{ paymentMethod: LISTED_PAYMENT_METHODS[0], isActive: "Y" }],
      "methods",
    );
    equal(
      await client.changePaymentMethod(env.productCode, {
        paymentMethod: PAYMENT_CHANGE_METHODS[0],
      }),
      { paymentChangeId: env.paymentChangeId },
      "change",
    );
    const seen = await received(env, "methods");
    equal(
      seen.map((r) => r.method),
      ["GET", "POST"],
      "requests received",
    );
    assert(
      seen.every((r) => r.exact),
      `not the exact requests: ${seen.flatMap((r) => r.problems).join(", ")}`,
    );
  },

  "listInvoices, getInvoiceDetails, confirmInvoicePayment and readInvoice: the exact requests, the record read":
    async (env) => {
      const client = clientFor(env, "invoices");
      const { invoice } = env;
      const list = await client.listInvoices(env.productCode, {
        unpaid: true,
        from: "2019-01-01",
        to: "2019-12-31",
      });
      equal(list.invoices.length, 1, "invoices");
      const read = readInvoice(list.invoices[0] ?? {});
      equal(read.invoiceNumber, invoice.invoiceNumber, "invoice number");
      equal(read.invoicedMinor, invoice.invoicedMinor, "invoiced, in minor units");
      // A reminder's dates are epoch milliseconds: read as a day in Europe/Oslo, with
      // the runtime's own Intl time zones.
      const reminder = readInvoice(list.reminders[0] ?? {});
      equal(reminder.invoiceNumber, invoice.invoiceNumber, "the reminder's invoice number");
      equal(reminder.dueDate, invoice.reminderDueDateInOslo, "the reminder's due date");
      await client.getInvoiceDetails({
        companyCode: invoice.companyCode,
        invoiceNumber: Number(invoice.invoiceNumber),
        reminderNumber: 0,
      });
      const confirmed = await client.confirmInvoicePayment({
        productCode: env.productCode,
        companyCode: invoice.companyCode,
        invoiceNumber: invoice.invoiceNumber,
      });
      equal(confirmed.state, "unpaid", "the example's record: nothing paid");
      const rejected = await rejection(
        client.listInvoices(env.productCode, { from: "2024-13-45" }),
      );
      expectCode(rejected, "invalid_request");
      const seen = await received(env, "invoices");
      equal(seen.length, 3, "requests received (the invalid one never sent)");
      assert(
        seen.every((r) => r.exact),
        `not the exact requests: ${seen.flatMap((r) => r.problems).join(", ")}`,
      );
    },

  "payInvoice with a fetch the caller passes (the runtime's own)": async (env) => {
    const client = clientFor(env, "ok", { fetch: globalThis.fetch });
    equal(await client.payInvoice({ ...env.body }), { transactionId: 4242 }, "result");
  },

  "connection refused: network error, the runtime's error as cause, no token, retried only if certain":
    async (env) => {
      /** @type {number[]} */
      const retries = [];
      const client = createConnectClient({
        baseUrl: env.refusedUrl,
        accessToken: TOKEN,
        retryDelayMs: (attempt) => (retries.push(attempt), 1),
      });
      const error = await rejection(client.payInvoice({ ...env.body }));
      expectCode(error, "network");
      assert(error.cause !== undefined, "the runtime's error was not kept as cause");
      for (const view of viewsOf(error)) {
        assert(!String(view).includes(TOKEN), `the token shows in: ${view}`);
      }
      equal(retries.length, env.neverSentRecognised ? 2 : 0, "retries");
      const cause = error.cause;
      return `${error.message}; cause: ${cause?.name}: ${cause?.message}${cause?.code ? ` (code ${cause.code})` : ""}${cause?.cause ? `; its cause: ${cause.cause.message}${cause.cause.code ? ` (code ${cause.cause.code})` : ""}` : ""}`;
    },
};
