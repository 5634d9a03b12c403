// The pay page says what is being paid. Pay invoice's request carries no
// amount (the spec's PayInvoiceRequest: invoiceNumber, productCode,
// companyCode, paymentMethod), and the sandbox keeps no invoice records: so
// the page names the invoice and the product, and shows no figure of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import { loadSpec } from "../../src/spec.js";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { newPayLink } from "./helpers.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

async function openPayPage(): Promise<{ html: string; transactionId: number }> {
  const { transactionId, payUrl } = await newPayLink(sandbox, {
    clientId: "no.mediaconnect.test",
    returnUrl: "https://merchant.example/return",
    errorUrl: "https://merchant.example/error",
  });
  return { html: await (await fetch(payUrl)).text(), transactionId };
}

const testId = (html: string, id: string) =>
  new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe("the pay page says what is being paid", () => {
  it("Pay invoice's request has no amount to show", () => {
    const request = loadSpec().components.schemas.PayInvoiceRequest!;
    const fields = Object.keys(request.properties ?? {});
    expect(fields).toContain("invoiceNumber");
    expect(fields.filter((name) => /amount|price|sum|total/i.test(name))).toEqual([]);
  });

  it("names the invoice and the product it was asked to pay", async () => {
    const { html } = await openPayPage();
    expect(testId(html, "pay-invoice-number")).toBe(PAY_INVOICE_REQUEST.invoiceNumber);
    expect(testId(html, "pay-product")).toBe(PAY_INVOICE_REQUEST.productCode);
  });

  it("has an amount line that invents no figure", async () => {
    const { html } = await openPayPage();
    const amount = testId(html, "pay-amount");
    expect(amount).toMatch(/not in the request/i);
    expect(amount).not.toMatch(/\d/);
  });
});
