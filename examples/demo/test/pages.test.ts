import { PAYMENT_METHODS } from "@connect-payment/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../src/html.js";
import { DEMO_INVOICE, SCENARIOS, startDemo, type Demo } from "../src/index.js";

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.close());

const get = (path: string) => fetch(demo.merchantUrl + path, { redirect: "manual" });

describe("the invoice page", () => {
  it("shows the invoice and offers each of the four payment methods", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`data-testid="invoice-number">${DEMO_INVOICE.invoiceNumber}<`);
    expect(PAYMENT_METHODS).toHaveLength(4);
    for (const method of PAYMENT_METHODS) {
      expect(html).toContain(`value="${method}" data-testid="method-${method}"`);
    }
    for (const scenario of SCENARIOS) expect(html).toContain(`value="${scenario.invoiceNumber}"`);
  });

  it("answers 404 for other paths", async () => {
    expect((await get("/admin")).status).toBe(404);
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
    const pay = await fetch(`${demo.merchantUrl}/pay`, {
      method: "POST",
      body: new URLSearchParams({ paymentMethod: "nexi" }),
      redirect: "manual",
    });
    const returnUrl = new URL(new URL(pay.headers.get("location")!).searchParams.get("returnUrl")!);
    const bound = returnUrl.searchParams.get("cp_tx")!;
    const forged = returnUrl.href.replace(`cp_tx=${bound}`, `cp_tx=${Number(bound) + 1}`);
    const response = await fetch(`${forged}&paymentStatus=finished`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("bad_signature");
  });

  it("shows the system-error page for errorUrl", async () => {
    const response = await get("/payment-error");
    expect(await response.text()).toContain('data-testid="system-error"');
  });
});

describe("escapeHtml", () => {
  it("escapes every character that could open markup or leave an attribute", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
