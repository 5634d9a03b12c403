// The customer who never comes back, end to end against the sandbox: the
// customer logs in, lists invoices and pays one at the provider, then closes
// the tab before the return. The back office, with the merchant's own token
// (client credentials) and client mode, finds the payment paid exactly once;
// an unfinished payment stays unpaid; a forged return changes nothing.
import {
  createConnectClient,
  paymentKey,
  readInvoice,
  reconcilePayments,
  type StartedPayment,
} from "@connect-payment/client";
import { createClientCredentialsSource, createConnectIdLogin } from "@connect-payment/oauth";
import { buildInvoicePaymentUrl } from "@connect-payment/redirect";
import {
  completeLogin,
  DEFAULT_OAUTH_CLIENT,
  startSandbox,
  type PayPageOutcome,
  type Sandbox,
} from "@connect-payment/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAY_INVOICE_REQUEST } from "../../openapi/fixtures.mjs";

const REDIRECT_URI = "http://127.0.0.1:8099/login/callback";
const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
const WIDE = { from: "1970-01-01", to: "2999-12-31" };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ paidRecordDelayMs: 0 });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

/** What the merchant's payment route does and stores: login, list, Pay invoice; the pay page's URL. */
async function customerStartsPaying(invoiceIndex: number) {
  const login = createConnectIdLogin({
    loginServer: sandbox.loginServer,
    clientId,
    clientSecret,
    redirectUri: REDIRECT_URI,
  });
  const { url, pending } = await login.startLogin();
  const tokens = await login.finishLogin(await completeLogin(url, { customer: "kari" }), pending);
  const customer = createConnectClient({
    baseUrl: sandbox.apiUrl,
    accessToken: tokens.accessToken,
  });
  const { invoices } = await customer.listInvoices(PAY_INVOICE_REQUEST.productCode, WIDE);
  const invoice = invoices.filter((i) => !("sandboxTrigger" in i))[invoiceIndex]!;
  const started: StartedPayment = {
    customerNumber: Number(invoice.customerNumber),
    productCode: PAY_INVOICE_REQUEST.productCode,
    companyCode: String(invoice.companyCode),
    invoiceNumber: String(invoice.invoiceNumber),
    startedAt: Date.now(),
  };
  const { transactionId } = await customer.payInvoice({
    invoiceNumber: started.invoiceNumber,
    productCode: started.productCode,
    companyCode: started.companyCode,
    paymentMethod: "vippsEcommerce",
  });
  const payUrl = buildInvoicePaymentUrl({
    loginServer: sandbox.loginServer,
    clientId,
    transactionId,
    returnUrl: "https://shop.example/return",
    errorUrl: "https://shop.example/payment-error",
  });
  return { started, payUrl, transactionId };
}

/** The back office: its own token, client mode, the reconciliation; what it would grant. */
async function backOfficeRun(payments: StartedPayment[]) {
  const backOffice = createConnectClient({
    baseUrl: sandbox.apiUrl,
    accessToken: createClientCredentialsSource({
      loginServer: sandbox.loginServer,
      clientId,
      clientSecret,
    }),
  });
  const results = [];
  for await (const result of reconcilePayments(backOffice, {
    payments,
    judge: (invoice) => readInvoice(invoice).state,
  })) {
    results.push(result);
  }
  return results;
}

describe("the back office confirms a payment the customer never came back from", () => {
  it("reports the finished payment paid exactly once, the unfinished one unpaid", async () => {
    const paid = await customerStartsPaying(0);
    const abandoned = await customerStartsPaying(1);
    // The customer pays at the provider and closes the tab: the return URL is never opened.
    const returnUrl = sandbox.completePayment(paid.payUrl, "finished");
    expect(returnUrl).toMatch(/^https:\/\/shop\.example\/return/);
    sandbox.completePayment(abandoned.payUrl, "cancelled" satisfies PayPageOutcome);

    const results = await backOfficeRun([paid.started, abandoned.started]);
    const byKey = new Map(results.map((r) => [r.key, r]));
    expect(results).toHaveLength(2);
    expect(byKey.get(paymentKey(paid.started))?.state).toBe("paid");
    expect(byKey.get(paymentKey(abandoned.started))?.state).not.toBe("paid");
    expect(results.filter((r) => r.state === "paid")).toHaveLength(1);

    // Every call the back office made was a client-mode call with its own token, valid under the spec.
    const clientMode = sandbox.requests().filter((r) => r.path.startsWith("/v1/client/"));
    expect(clientMode.length).toBeGreaterThan(0);
    expect(clientMode.every((r) => r.status === 200 && r.requestIssues.length === 0)).toBe(true);
    expect(clientMode.every((r) => r.responseIssues.length === 0)).toBe(true);
  });

  it("leaves a payment unpaid when only a forged return claims it finished", async () => {
    const { started, payUrl, transactionId } = await customerStartsPaying(0);
    // Someone types the return link by hand with a success status; the pay page never decided.
    const forged = new URL("https://shop.example/return");
    forged.searchParams.set(sandbox.statusParam, "finished");
    forged.searchParams.set("transactionId", String(transactionId));
    expect(forged.searchParams.get("transactionId")).toBe(String(transactionId));
    // The pay page was opened and left: only its own decision reaches the record.
    expect(payUrl).toContain(String(transactionId));
    expect(sandbox.transactions().find((t) => t.id === transactionId)?.outcome).toBeUndefined();

    const [result] = await backOfficeRun([started]);
    expect(result?.key).toBe(paymentKey(started));
    expect(result?.state).not.toBe("paid");
    expect(
      sandbox.invoices("kari").find((i) => i.invoiceNumber === started.invoiceNumber)?.paidAmount,
    ).toBe(0);
  });
});
