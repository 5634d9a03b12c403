// The shop's routes over real HTTP, against the sandbox: a customer logs in,
// pays, comes back, changes their payment method; and each way it can fail.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PAYMENT_CHANGE_PAGE_PATH, TRANSACTION_ID_PARAM } from "@connect-payment/redirect";
import {
  completeLogin,
  DEFAULT_OAUTH_CLIENT,
  SANDBOX_CUSTOMERS,
  SANDBOX_TRIGGERS,
  startSandbox,
  type Sandbox,
} from "@connect-payment/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createShop, OPEN_INVOICE } from "../src/app.js";
import { browser } from "./browser.js";

const PRODUCT_CODE = "NEWS-DIGITAL";
const COMPANY_CODE = "12345678";
let sandbox: Sandbox;
let server: Server;
let origin: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  // The app needs its public origin, so the server listens first and gets the app after.
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on(
    "request",
    createShop({
      publicOrigin: origin,
      apiUrl: sandbox.apiUrl,
      loginServer: sandbox.loginServer,
      ...DEFAULT_OAUTH_CLIENT,
      returnUrlSecret: "a-test-secret-of-32-or-more-bytes-long",
      productCode: PRODUCT_CODE,
      companyCode: COMPANY_CODE,
    }),
  );
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sandbox.close();
});
// The invoice the shop offers, in each test customer's record: the sandbox,
// like the provider, refuses to pay an invoice the customer does not owe.
beforeEach(() => {
  sandbox.reset();
  for (const { id } of SANDBOX_CUSTOMERS) {
    sandbox.addInvoice({
      customer: id,
      invoiceNumber: OPEN_INVOICE,
      productCode: PRODUCT_CODE,
      companyCode: COMPANY_CODE,
    });
  }
});

/** A customer logged in through the shop's own routes. */
async function loggedIn(customer = "kari") {
  const visit = browser(origin);
  const toLogin = await visit("/login");
  expect(toLogin.status).toBe(303);
  const callback = await completeLogin(toLogin.location!, { customer });
  const back = await visit(callback);
  expect(back).toMatchObject({ status: 303, location: "/" });
  return visit;
}

describe("login", () => {
  test("a logged-in customer sees their account and can log out", async () => {
    const visit = await loggedIn();
    expect((await visit("/")).text).toContain("Your account");
    expect((await visit("/logout", { method: "POST" })).location).toBe("/");
    expect((await visit("/")).text).toContain("Log in with ConnectID");
  });

  test("a customer who says no at ConnectID is not logged in", async () => {
    const visit = browser(origin);
    const denied = await completeLogin((await visit("/login")).location!, { decision: "deny" });
    expect((await visit(denied)).status).toBe(403);
    expect(
      (await visit("/pay", { form: { invoiceNumber: OPEN_INVOICE, paymentMethod: "nexi" } }))
        .location,
    ).toBe("/login");
  });

  test("a callback replayed in another browser is refused", async () => {
    const visit = browser(origin);
    const callback = await completeLogin((await visit("/login")).location!);
    expect((await browser(origin)(callback)).status).toBe(400);
  });
});

describe("page security", () => {
  test("a POST from another site is refused, and nothing is sent to the API", async () => {
    const visit = await loggedIn();
    const form = { invoiceNumber: OPEN_INVOICE, paymentMethod: "vippsEcommerce" };
    const fromOrigin = await visit("/pay", { form, headers: { origin: "https://evil.example" } });
    const fromSite = await visit("/pay", { form, headers: { "sec-fetch-site": "cross-site" } });
    expect([fromOrigin.status, fromSite.status]).toEqual([403, 403]);
    expect(sandbox.requests()).toEqual([]);
    const same = await visit("/pay", {
      form,
      headers: { origin, "sec-fetch-site": "same-origin" },
    });
    expect(same.status).toBe(303);
  });

  test("no page can be framed", async () => {
    const response = await fetch(`${origin}/`);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
  });
});

describe("pay, and the return", () => {
  const pay = (visit: Awaited<ReturnType<typeof loggedIn>>, invoiceNumber = OPEN_INVOICE) =>
    visit("/pay", { form: { invoiceNumber, paymentMethod: "vippsEcommerce" } });

  test("a paid invoice comes back to a thank-you page", async () => {
    const visit = await loggedIn();
    const toPay = await pay(visit);
    expect(toPay.location).toContain(sandbox.loginServer);
    const back = await visit(sandbox.completePayment(toPay.location!, "finished"));
    expect(back.status).toBe(200);
    expect(back.text).toContain("Thank you");
    expect(sandbox.requests().map((r) => r.requestIssues)).toEqual([[]]);
  });

  test("a cancelled payment offers to try again", async () => {
    const visit = await loggedIn();
    const back = await visit(sandbox.completePayment((await pay(visit)).location!, "cancelled"));
    expect(back.text).toContain("did not go through");
  });

  test("a return re-pointed at another payment is refused", async () => {
    const visit = await loggedIn();
    const back = new URL(sandbox.completePayment((await pay(visit)).location!, "finished"));
    back.searchParams.set(TRANSACTION_ID_PARAM, "12345");
    expect((await visit(back.href)).status).toBe(400);
  });

  test("a system error at ConnectID lands on the error page", async () => {
    const visit = await loggedIn();
    const errorUrl = sandbox.completePayment((await pay(visit)).location!, "system_error");
    expect(errorUrl).toBe(`${origin}/payment/error`);
    expect((await visit(errorUrl)).status).toBe(502);
  });

  test("a token the API refuses sends the customer to log in again", async () => {
    const visit = await loggedIn();
    expect((await pay(visit, SANDBOX_TRIGGERS.expiredToken)).location).toBe("/login");
    expect((await visit("/")).text).toContain("Log in with ConnectID");
  });

  test("an API failure is a plain page, without the error's details", async () => {
    const visit = await loggedIn();
    const failed = await pay(visit, SANDBOX_TRIGGERS.serverError);
    expect(failed.status).toBe(502);
    expect(failed.text).toContain("Something went wrong");
    expect(failed.text).not.toContain("server_error");
  });
});

describe("change payment method", () => {
  test("a finished change is saved, and the page shows the new method", async () => {
    const visit = await loggedIn();
    expect((await visit("/payment-method")).text).toContain("Change to a card");
    const toChange = await visit("/payment-method", { method: "POST" });
    expect(toChange.location).toContain(`${sandbox.loginServer}${PAYMENT_CHANGE_PAGE_PATH}`);
    const back = await visit(sandbox.completePaymentChange(toChange.location!, "finished"));
    expect(back.text).toContain("Your new payment method is saved");
    const now = await visit("/payment-method");
    expect(now.text).toContain(sandbox.paymentChanges()[0]!.request.paymentMethod);
    expect(now.text).not.toContain("Change to a card");
  });

  test("a cancelled change leaves the method as it was", async () => {
    const visit = await loggedIn();
    const toChange = await visit("/payment-method", { method: "POST" });
    const back = await visit(sandbox.completePaymentChange(toChange.location!, "cancelled"));
    expect(back.text).toContain("Nothing was changed");
    expect((await visit("/payment-method")).text).toContain("Change to a card");
  });

  test("the return of another customer's change is refused", async () => {
    const kari = await loggedIn("kari");
    const ola = await loggedIn("ola");
    const toChange = await kari("/payment-method", { method: "POST" });
    const back = sandbox.completePaymentChange(toChange.location!, "finished");
    expect((await ola(back)).status).toBe(400);
  });
});
