// List invoice details: one invoice (reminder 0) or one of its reminders from
// the customer's record, in the open `invoiceInfoWithDetail` object; the
// provider's 400 for an invoice or reminder the record does not hold, and for
// a query the spec refuses, before anything is looked up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { byNumber, COMPANY, everyInvoice, invoiceDetails } from "./helpers.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const FIRST = "7435367";

describe("List invoice details", () => {
  it("answers the invoice for reminder 0, as List invoices shows it", async () => {
    const { status, body, problems } = await invoiceDetails(sandbox, {
      companyCode: COMPANY,
      invoiceNumber: FIRST,
      reminderNumber: "0",
    });
    expect([status, problems]).toEqual([200, []]);
    expect(body.invoiceInfoWithDetail).toEqual(byNumber(await everyInvoice(sandbox), FIRST));
  });

  it("answers the invoice with its reminder for reminder 1", async () => {
    const { status, body, problems } = await invoiceDetails(sandbox, {
      companyCode: COMPANY,
      invoiceNumber: FIRST,
      reminderNumber: "1",
    });
    expect([status, problems]).toEqual([200, []]);
    expect(body.invoiceInfoWithDetail).toMatchObject({
      invoiceNumber: FIRST,
      reminder: { reminderNumber: 1, invoiceNumber: Number(FIRST) },
    });
  });

  it.each([
    ["an unknown invoice", { companyCode: COMPANY, invoiceNumber: "1", reminderNumber: "0" }],
    ["another company", { companyCode: "999", invoiceNumber: FIRST, reminderNumber: "0" }],
    ["a reminder it lacks", { companyCode: COMPANY, invoiceNumber: FIRST, reminderNumber: "7" }],
  ])("answers the provider's 400 for %s", async (_, query) => {
    const { status, body, problems } = await invoiceDetails(sandbox, query);
    expect([status, problems]).toEqual([400, []]);
    expect(body.exceptionType).toBe("InvoiceNotFoundException");
  });

  it.each([
    ["invoiceNumber", { companyCode: COMPANY, invoiceNumber: "12a", reminderNumber: "0" }],
    ["reminderNumber", { companyCode: COMPANY, invoiceNumber: FIRST }],
    ["companyCode", { companyCode: "x".repeat(13), invoiceNumber: FIRST, reminderNumber: "0" }],
  ])("names %s when the query breaks the spec's rules", async (field, query) => {
    const { status, body, problems } = await invoiceDetails(sandbox, query);
    expect([status, problems]).toEqual([400, []]);
    expect(body.errorMessage).toContain(field);
  });
});
