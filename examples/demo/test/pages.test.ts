import { request as httpRequest } from "node:http";
import { createConnectClient, PAYMENT_METHODS } from "@connect-payment/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../src/html.js";
import { PRODUCT, startDemo, type Demo } from "../src/index.js";
import { newCustomer } from "./shop.js";

let demo: Demo;
beforeAll(async () => {
  // The invoice page and the pay form, without the login in front (login.test.ts has it).
  demo = await startDemo({ login: false });
});
afterAll(() => demo.close());

const get = (path: string) => fetch(demo.merchantUrl + path, { redirect: "manual" });

/** Pays the first listed invoice with a fresh customer and returns the bound return URL from the pay link. */
async function boundReturnUrl(): Promise<{
  payUrl: string;
  returnUrl: string;
  invoiceNumber: string;
}> {
  const customer = await newCustomer(demo.merchantUrl);
  const invoiceNumber = customer.invoices[0]!;
  const pay = await customer.pay({ paymentMethod: "nexi", invoiceNumber });
  expect(pay.status).toBe(303);
  const payUrl = pay.headers.get("location")!;
  return { payUrl, returnUrl: new URL(payUrl).searchParams.get("returnUrl")!, invoiceNumber };
}

/** Every invoice's date: without dates the provider may answer only the latest invoice. */
const EVERY_DATE = { from: "2000-01-01", to: "2099-12-31" };
/** The provider's record of the shop customer's invoices, read directly with a client of our own. */
const record = (unpaid: boolean) =>
  createConnectClient({
    baseUrl: demo.sandbox.apiUrl,
    accessToken: demo.sandbox.signIn().accessToken,
  }).listInvoices(PRODUCT.productCode, { unpaid, ...EVERY_DATE });
const unpaidNumbers = async () =>
  (await record(true)).invoices.map((invoice) => String(invoice.invoiceNumber));

describe("the account page", () => {
  it("lists the customer's unpaid invoices from the API, and each of the four payment methods", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    const html = await response.text();
    const listed = [...html.matchAll(/data-testid="invoice-number">([^<]*)</g)].map(([, n]) => n!);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect([...listed].sort()).toEqual((await unpaidNumbers()).sort());
    // Asked of the API with the unpaid filter, for the shop's product.
    const asked = demo.sandbox
      .requests()
      .filter((r) => r.method === "GET" && r.path.includes(PRODUCT.productCode));
    expect(asked.length).toBeGreaterThan(0);
    expect(PAYMENT_METHODS).toHaveLength(4);
    for (const method of PAYMENT_METHODS) {
      expect(html).toContain(`value="${method}" data-testid="method-${method}"`);
    }
  });

  it("lists the reminders, without a way to pay them", async () => {
    const { reminders } = await record(true);
    const html = await (await get("/")).text();
    expect((html.match(/data-testid="reminder-row"/g) ?? []).length).toBe(reminders.length);
    if (reminders.length > 0) expect(html).toContain('data-testid="reminder-note"');
  });

  it("refuses POST /pay for an invoice it did not list for this customer, and nothing reaches the API", async () => {
    const customer = await newCustomer(demo.merchantUrl);
    const before = demo.sandbox.transactions().length;
    const response = await customer.pay({ paymentMethod: "nexi", invoiceNumber: "1" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('data-testid="not-owed"');
    expect(demo.sandbox.transactions()).toHaveLength(before);
  });

  it("answers 404 for other paths", async () => {
    expect((await get("/admin")).status).toBe(404);
  });
});

describe("the session and the pay form", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie (not Secure on loopback)", async () => {
    const cookie = (await get("/")).headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^demo_session=[\w-]{43}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
  });

  it("the form carries the session's CSRF token, and POST /pay with it goes to the login server", async () => {
    const customer = await newCustomer(demo.merchantUrl);
    expect(customer.csrfToken).toMatch(/^[\w-]{43}$/);
    const response = await customer.pay({ paymentMethod: "nexi" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain(demo.sandbox.loginServer);
  });

  it.each([
    ["without a token", { cookie: true, token: "none" }],
    ["with another session's token", { cookie: true, token: "other" }],
    ["with the token but no session cookie", { cookie: false, token: "own" }],
  ])("refuses POST /pay %s, and nothing reaches the API", async (_, setup) => {
    const customer = await newCustomer(demo.merchantUrl);
    const other = await newCustomer(demo.merchantUrl);
    const before = demo.sandbox.requests().length;
    const form = new URLSearchParams({ paymentMethod: "nexi" });
    if (setup.token === "own") form.set("csrfToken", customer.csrfToken);
    if (setup.token === "other") form.set("csrfToken", other.csrfToken);
    const response = await fetch(`${demo.merchantUrl}/pay`, {
      method: "POST",
      headers: setup.cookie ? { cookie: customer.cookie } : {},
      body: form,
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(demo.sandbox.requests()).toHaveLength(before);
  });

  it("refuses a cross-site POST /pay even with the right token", async () => {
    const customer = await newCustomer(demo.merchantUrl);
    const response = await fetch(`${demo.merchantUrl}/pay`, {
      method: "POST",
      headers: { cookie: customer.cookie, "sec-fetch-site": "cross-site" },
      body: new URLSearchParams({ paymentMethod: "nexi", csrfToken: customer.csrfToken }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });

  it("sends a CSP forbidding framing and scripts on every page, redirects included", async () => {
    const customer = await newCustomer(demo.merchantUrl);
    const responses = [
      await get("/"),
      await get("/nope"),
      await get("/payment-error"),
      await get("/return?paymentStatus=finished"),
      await customer.pay({ paymentMethod: "nexi" }),
      await customer.pay({ paymentMethod: "cash" }),
    ];
    for (const response of responses) {
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, `${response.url} ${response.status}`).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain(`form-action 'self' ${new URL(demo.sandbox.loginServer).origin}`);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });
});

describe("the return page", () => {
  it("refuses a return URL without a signature", async () => {
    const response = await get("/return?paymentStatus=finished&cp_tx=10000001");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-testid="verification-error"');
    expect(html).toContain("missing_signature");
    expect(html).not.toContain('data-testid="result-status"');
  });

  it("refuses a return URL whose transaction id was changed", async () => {
    const { returnUrl } = await boundReturnUrl();
    const bound = new URL(returnUrl).searchParams.get("cp_tx")!;
    const forged = returnUrl.replace(`cp_tx=${bound}`, `cp_tx=${Number(bound) + 1}`);
    const response = await fetch(`${forged}&paymentStatus=finished`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("bad_signature");
  });

  it("builds the URL it verifies from its own origin: a request target naming another host is refused", async () => {
    const { returnUrl } = await boundReturnUrl();
    const path = new URL(returnUrl);
    const { port } = new URL(demo.merchantUrl);
    for (const target of [
      `//evil.example${path.pathname}${path.search}&paymentStatus=finished`,
      `http://evil.example${path.pathname}${path.search}&paymentStatus=finished`,
    ]) {
      const status = await new Promise<number>((resolve, reject) => {
        httpRequest({ host: "127.0.0.1", port, path: target }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on("error", reject)
          .end();
      });
      expect(status, target).toBe(400);
    }
  });

  it("shows the system-error page for errorUrl", async () => {
    const response = await get("/payment-error");
    expect(await response.text()).toContain('data-testid="system-error"');
  });
});

describe("a forged status never reads as payment, and grants nothing", () => {
  const claimsPayment = /payment received|thank you|Paid:|signature verified/i;

  it("pay, cancel at the provider, then add &paymentStatus=finished to the bound return URL", async () => {
    const { payUrl, returnUrl, invoiceNumber } = await boundReturnUrl();
    // The customer cancels at the provider: the honest return says cancelled.
    const honest = demo.sandbox.completePayment(payUrl, "cancelled");
    expect(new URL(honest).searchParams.get("paymentStatus")).toBe("cancelled");

    // Then edits the bound return URL by hand.
    const response = await fetch(`${returnUrl}&paymentStatus=finished`);
    const html = await response.text();
    expect(response.status).toBe(200);
    // The binding holds (it is this transaction), and the page says only what the link claims.
    expect(html).toContain('data-testid="result-status">finished<');
    expect(html).not.toMatch(claimsPayment);
    expect(html).toContain("You finished at the payment service.");
    // What the customer gets follows the provider's record, not this link:
    // the record still shows the invoice unpaid, so nothing is granted.
    expect(html).toContain('data-testid="record-message" data-state="unpaid"');
    expect(html).toContain(
      `Not confirmed yet: the provider&#39;s record of invoice ${invoiceNumber}`,
    );
    expect(await unpaidNumbers()).toContain(invoiceNumber);
    expect(await demo.grants()).toEqual([]);
  });

  it("the honest cancelled return and the forged one after it both stay claims", async () => {
    const { payUrl } = await boundReturnUrl();
    const honest = demo.sandbox.completePayment(payUrl, "cancelled");
    const forged = await fetch(`${honest}&paymentStatus=finished`);
    expect(await forged.text()).not.toMatch(claimsPayment);
    const shown = await (await fetch(honest)).text();
    expect(shown).toContain('data-testid="result-status">cancelled<');
    expect(shown).not.toMatch(claimsPayment);
  });
});

describe("escapeHtml", () => {
  it("escapes every character that could open markup or leave an attribute", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
