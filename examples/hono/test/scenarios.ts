// The route tests, written once and run against the shop on Node and in a
// Worker: a customer logs in, pays, comes back, changes their payment method;
// and each way it can fail.
import { PAYMENT_CHANGE_PAGE_PATH, TRANSACTION_ID_PARAM } from "@connect-payment/redirect";
import {
  completeLogin,
  SANDBOX_CUSTOMERS,
  SANDBOX_TRIGGERS,
  type Sandbox,
} from "@connect-payment/sandbox";
import { beforeEach, describe, expect, test } from "vitest";
import { OPEN_INVOICE } from "../src/app.js";
import { browser } from "./browser.js";

export const SHOP_SETTINGS = {
  returnUrlSecret: "a-test-secret-of-32-or-more-bytes-long",
  productCode: "NEWS-DIGITAL",
  companyCode: "12345678",
};

export function shopScenarios(where: () => { origin: string; sandbox: Sandbox }): void {
  // The invoice the shop offers, in each test customer's record: the sandbox,
  // like the provider, refuses to pay an invoice the customer does not owe.
  beforeEach(() => {
    const { sandbox } = where();
    sandbox.reset();
    for (const { id } of SANDBOX_CUSTOMERS) {
      sandbox.addInvoice({
        customer: id,
        invoiceNumber: OPEN_INVOICE,
        productCode: SHOP_SETTINGS.productCode,
        companyCode: SHOP_SETTINGS.companyCode,
      });
    }
  });

  async function loggedIn(customer = "kari") {
    const visit = browser(where().origin);
    const toLogin = await visit("/login");
    expect(toLogin.status).toBe(303);
    const back = await visit(await completeLogin(toLogin.location!, { customer }));
    expect(back).toMatchObject({ status: 303, location: "/" });
    return visit;
  }
  const pay = (visit: Awaited<ReturnType<typeof loggedIn>>, invoiceNumber = OPEN_INVOICE) =>
    visit("/pay", { form: { invoiceNumber, paymentMethod: "vippsEcommerce" } });

  describe("login", () => {
    test("a logged-in customer sees their account and can log out", async () => {
      const visit = await loggedIn();
      expect((await visit("/")).text).toContain("Your account");
      expect((await visit("/logout", { method: "POST" })).location).toBe("/");
      expect((await visit("/")).text).toContain("Log in with ConnectID");
    });

    test("a customer who says no at ConnectID is not logged in", async () => {
      const visit = browser(where().origin);
      const denied = await completeLogin((await visit("/login")).location!, { decision: "deny" });
      expect((await visit(denied)).status).toBe(403);
      expect((await pay(visit)).location).toBe("/login");
    });
  });

  describe("page security", () => {
    test("a POST from another site is refused, and nothing is sent to the API", async () => {
      const { origin, sandbox } = where();
      const visit = await loggedIn();
      const form = { invoiceNumber: OPEN_INVOICE, paymentMethod: "vippsEcommerce" };
      const fromOrigin = await visit("/pay", { form, headers: { origin: "https://evil.example" } });
      const fromSite = await visit("/pay", { form, headers: { "sec-fetch-site": "cross-site" } });
      expect([fromOrigin.status, fromSite.status]).toEqual([403, 403]);
      expect(sandbox.requests()).toEqual([]);
      expect((await visit("/pay", { form, headers: { origin } })).status).toBe(303);
    });

    test("no page can be framed", async () => {
      const response = await fetch(`${where().origin}/`);
      expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    });
  });

  describe("pay, and the return", () => {
    test("a paid invoice comes back to a thank-you page", async () => {
      const { sandbox } = where();
      const visit = await loggedIn();
      const back = await visit(sandbox.completePayment((await pay(visit)).location!, "finished"));
      expect(back.text).toContain("Thank you");
      expect(sandbox.requests().map((r) => r.requestIssues)).toEqual([[]]);
    });

    test("a return re-pointed at another payment is refused", async () => {
      const visit = await loggedIn();
      const back = new URL(
        where().sandbox.completePayment((await pay(visit)).location!, "finished"),
      );
      back.searchParams.set(TRANSACTION_ID_PARAM, "12345");
      expect((await visit(back.href)).status).toBe(400);
    });

    test("a token the API refuses sends the customer to log in again", async () => {
      const visit = await loggedIn();
      expect((await pay(visit, SANDBOX_TRIGGERS.expiredToken)).location).toBe("/login");
    });

    test("an API failure is a plain page", async () => {
      const visit = await loggedIn();
      const failed = await pay(visit, SANDBOX_TRIGGERS.serverError);
      expect(failed.status).toBe(502);
      expect(failed.text).not.toContain("server_error");
    });
  });

  describe("change payment method", () => {
    test("a finished change is saved, and the page shows the new method", async () => {
      const { sandbox } = where();
      const visit = await loggedIn();
      const toChange = await visit("/payment-method", { method: "POST" });
      expect(toChange.location).toContain(`${sandbox.loginServer}${PAYMENT_CHANGE_PAGE_PATH}`);
      const back = await visit(sandbox.completePaymentChange(toChange.location!, "finished"));
      expect(back.text).toContain("Your new payment method is saved");
      const now = await visit("/payment-method");
      expect(now.text).toContain(sandbox.paymentChanges()[0]!.request.paymentMethod);
      expect(now.text).not.toContain("Change to a card");
    });

    test("the return of another customer's change is refused", async () => {
      const kari = await loggedIn("kari");
      const ola = await loggedIn("ola");
      const toChange = await kari("/payment-method", { method: "POST" });
      const back = where().sandbox.completePaymentChange(toChange.location!, "finished");
      expect((await ola(back)).status).toBe(400);
    });
  });
}
