// Adding invoices from a test: the handle and the control path, amounts as
// string or number and dates in either style (the drift the provider's pages
// show), every bad field named, and the record back to its start on reset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxControlError, startSandbox, type Sandbox } from "../../src/index.js";
import { byNumber, everyInvoice, listInvoices, payAndChoose } from "./helpers.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ paidRecordDelayMs: 0 });
});
afterAll(() => sandbox.close());

describe("addInvoice() on the handle", () => {
  it("keeps the style of each amount and date, and List invoices answers it so", async () => {
    sandbox.addInvoice({ invoiceNumber: "801", invoiceAmount: "0.30", invoiceDate: "2024-02-29" });
    sandbox.addInvoice({ invoiceNumber: 802, invoiceAmount: 295, invoiceDate: 1561716000000 });
    const invoices = await everyInvoice(sandbox);
    expect(byNumber(invoices, "801")).toMatchObject({
      invoiceAmount: "0.30",
      invoiceDate: "2024-02-29",
      paidAmount: 0,
    });
    expect(byNumber(invoices, "802")).toMatchObject({
      invoiceAmount: 295,
      invoiceDate: 1561716000000,
    });
    const { problems } = await listInvoices(sandbox, { from: "1970-01-01", to: "2999-12-31" });
    expect(problems).toEqual([]);
  });

  it("pays an added invoice in full, in the amount's own style", async () => {
    sandbox.addInvoice({ invoiceNumber: "803", invoiceAmount: "0.30", reminder: true });
    await payAndChoose(sandbox, "803", "finished");
    const invoice = byNumber(await everyInvoice(sandbox), "803");
    expect(invoice).toMatchObject({ invoiceAmount: "0.30", paidAmount: 0.3 });
  });

  it("numbers an invoice given none, and adds it to the customer named", () => {
    const added = sandbox.addInvoice({ customer: "sven" });
    expect(added.invoiceNumber).toMatch(/^\d+$/);
    expect(sandbox.invoices("sven")).toContainEqual(added);
    expect(sandbox.invoices("kari")).not.toContainEqual(added);
  });

  it("names every bad field at once", () => {
    const bad = () =>
      sandbox.addInvoice({
        customer: "nobody",
        invoiceNumber: "12345678901",
        invoiceAmount: "2,95",
        invoiceDate: "2024-13-45",
      });
    expect(bad).toThrow(SandboxControlError);
    expect(bad).toThrow(/customer.*invoiceNumber.*invoiceAmount.*invoiceDate/);
  });

  it("refuses an invoice the customer's record already holds", () => {
    expect(() => sandbox.addInvoice({ invoiceNumber: "7435367" })).toThrow(/already/);
  });

  it("starts over on reset: the added invoices are gone", () => {
    sandbox.addInvoice({ invoiceNumber: "804" });
    sandbox.reset();
    expect(byNumber(sandbox.invoices("kari") as never, "804")).toBeUndefined();
    expect(byNumber(sandbox.invoices("kari") as never, "7435367")).toBeDefined();
  });
});

describe("the control path: POST and GET {controlUrl}/invoices", () => {
  const post = (body: unknown) =>
    fetch(`${sandbox.controlUrl}/invoices`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("adds an invoice and lists the record", async () => {
    const response = await post({ customer: "ola", invoiceNumber: "901", invoiceAmount: 49.5 });
    expect(response.status).toBe(201);
    const { invoice } = (await response.json()) as { invoice: Record<string, unknown> };
    expect(invoice).toMatchObject({ invoiceNumber: "901", invoiceAmount: 49.5 });
    const listed = await fetch(`${sandbox.controlUrl}/invoices?customer=ola`);
    const { invoices } = (await listed.json()) as { invoices: Record<string, unknown>[] };
    expect(invoices).toContainEqual(invoice);
  });

  it("answers 400 naming the field for a bad invoice", async () => {
    const response = await post({ invoiceAmount: -1 });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "bad_request",
      message: expect.stringMatching(/invoiceAmount/),
    });
  });
});
