// The provider's record after a payment: Pay invoice refuses an invoice the
// record does not hold; a finished payment shows as paid only after the
// record's delay; every other outcome, and a forged return, leave the invoice
// unpaid; the record triggers never update, pay half, or drop the invoice.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  clientInvoicesPath,
  listInvoicesPath,
  PAYMENT_RESULT_STATUSES,
} from "../../../../openapi/fixtures.mjs";
import {
  DEFAULT_PAID_RECORD_DELAY_MS,
  SANDBOX_CUSTOMERS,
  SANDBOX_RECORD_TRIGGERS,
  startSandbox,
  type PayPageOutcome,
  type Sandbox,
} from "../../src/index.js";
import {
  byNumber,
  COMPANY,
  everyInvoice,
  FIRST,
  invoiceDetails,
  payAndChoose,
  payInvoice,
  PRODUCT,
} from "./helpers.js";

const DELAY_MS = 60 * 60 * 1000;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ paidRecordDelayMs: DELAY_MS });
});
afterAll(() => sandbox.close());
afterEach(() => {
  vi.useRealTimers();
  sandbox.reset();
});

/** Moves the clock the record reads past its delay (only Date is faked: servers keep running). */
function pastTheDelay() {
  vi.setSystemTime(freezeDate() + DELAY_MS + 1000);
}

const recorded = async (invoiceNumber: string) =>
  byNumber(await everyInvoice(sandbox), invoiceNumber);

/** Freezes the clock the record reads (only Date is faked); gives the frozen time. */
function freezeDate(): number {
  vi.useFakeTimers({ toFake: ["Date"] });
  return Date.now();
}

const numbersOf = (invoices: { invoiceNumber: unknown }[]) =>
  invoices.map(({ invoiceNumber }) => String(invoiceNumber));

describe("Pay invoice and the record", () => {
  it("refuses an invoice the record does not hold, with the provider's 400 body", async () => {
    for (const invoice of [
      { invoiceNumber: "1234" },
      { invoiceNumber: FIRST, companyCode: "999" },
      { invoiceNumber: FIRST, productCode: "OTHER" },
    ]) {
      const { status, body } = await payInvoice(sandbox, invoice);
      expect(status, JSON.stringify(invoice)).toBe(400);
      expect(body).toEqual({
        exceptionType: "InvoiceNotFoundException",
        errorMessage: `Invoice ${invoice.invoiceNumber} was not found`,
      });
    }
    expect(sandbox.transactions()).toEqual([]);
    expect(sandbox.requests().every((r) => r.responseIssues.length === 0)).toBe(true);
  });

  it("pays an unrecorded invoice under payUnrecordedInvoices, and the record stays as it was", async () => {
    const lenient = await startSandbox({ payUnrecordedInvoices: true });
    try {
      const before = lenient.invoices();
      const { status, body } = await payInvoice(lenient, { invoiceNumber: "1001" });
      expect([status, body.success]).toEqual([200, true]);
      expect(lenient.invoices()).toEqual(before);
    } finally {
      await lenient.close();
    }
    await expect(startSandbox({ payUnrecordedInvoices: "yes" as never })).rejects.toThrow(
      /payUnrecordedInvoices must be true or false/,
    );
  });

  it("refuses another customer's invoice", async () => {
    const added = sandbox.addInvoice({ customer: "ola", invoiceNumber: "555" });
    expect((await payInvoice(sandbox, { invoiceNumber: "555" }, "kari")).status).toBe(400);
    expect((await payInvoice(sandbox, { invoiceNumber: "555" }, "ola")).status).toBe(200);
    expect(added.invoiceNumber).toBe("555");
  });

  it("marks a finished payment paid only after the record's delay", async () => {
    const before = await recorded(FIRST);
    await payAndChoose(sandbox, FIRST, "finished");
    expect(await recorded(FIRST)).toEqual(before);
    pastTheDelay();
    const after = await recorded(FIRST);
    expect(Number(after!.paidAmount)).toBe(Number(after!.invoiceAmount));
    expect(Number(after!.paidAmount)).toBeGreaterThan(0);
    const details = await invoiceDetails(sandbox, {
      companyCode: COMPANY,
      invoiceNumber: FIRST,
      reminderNumber: "0",
    });
    expect(details.body.invoiceInfoWithDetail).toEqual(after);
  });

  it("shows a finished payment from the moment the delay ends, not a millisecond before", async () => {
    const start = freezeDate();
    await payAndChoose(sandbox, FIRST, "finished");
    vi.setSystemTime(start + DELAY_MS - 1);
    expect(Number((await recorded(FIRST))!.paidAmount)).toBe(0);
    vi.setSystemTime(start + DELAY_MS);
    const paid = (await recorded(FIRST))!;
    expect(Number(paid.paidAmount)).toBe(Number(paid.invoiceAmount));
  });

  it("client mode answers an old invoice paid within from and to once the payment has landed", async () => {
    const start = freezeDate();
    const today = new Date(start).toISOString().slice(0, 10);
    const { customerNumber } = SANDBOX_CUSTOMERS[0]!;
    const listed = async () => {
      const window = new URLSearchParams({ from: today, to: "2999-12-31" });
      const response = await fetch(
        `${sandbox.apiUrl}${clientInvoicesPath(customerNumber, PRODUCT)}?${window}`,
        { headers: { authorization: `Bearer ${sandbox.clientToken().accessToken}` } },
      );
      const body = (await response.json()) as { clientInvoiceInfoList: { invoiceId: string }[] };
      return body.clientInvoiceInfoList.map(({ invoiceId }) => invoiceId);
    };
    await payAndChoose(sandbox, FIRST, "finished");
    expect(await listed()).not.toContain(FIRST);
    vi.setSystemTime(start + DELAY_MS);
    expect(await listed()).toContain(FIRST);
  });

  it("leaves a paid invoice out of the unpaid list once the record shows it", async () => {
    await payAndChoose(sandbox, FIRST, "finished");
    pastTheDelay();
    const unpaid = await fetch(
      `${sandbox.apiUrl}${listInvoicesPath(PRODUCT)}?unpaid=true&from=1970-01-01&to=2999-12-31`,
      { headers: { authorization: `Bearer ${sandbox.signIn().accessToken}` } },
    ).then((r) => r.json() as Promise<{ invoices: { invoiceNumber: string }[] }>);
    expect(unpaid.invoices.length).toBeGreaterThan(0);
    expect(byNumber(unpaid.invoices as never, FIRST)).toBeUndefined();
  });

  it.each([
    ...(PAYMENT_RESULT_STATUSES as readonly PayPageOutcome[]).filter((s) => s !== "finished"),
    "system_error" as const,
  ])("leaves the invoice unpaid after %s", async (outcome) => {
    const before = await recorded(FIRST);
    await payAndChoose(sandbox, FIRST, outcome);
    pastTheDelay();
    expect(await recorded(FIRST)).toEqual(before);
  });

  it("leaves it unpaid after a forged return: a link typed by hand never reaches the record", async () => {
    const before = await recorded(FIRST);
    const { body } = await payInvoice(sandbox, { invoiceNumber: FIRST });
    // The customer types `?paymentStatus=finished` onto the return URL: only the merchant's
    // site sees it, the sandbox (the provider) never does, so nothing can change the record.
    const forged = `https://shop.example/return?paymentStatus=finished&transactionId=${String(body.transactionId)}`;
    expect(sandbox.transactions().at(-1)?.outcome).toBeUndefined();
    expect(forged).toContain("finished");
    pastTheDelay();
    expect(await recorded(FIRST)).toEqual(before);
  });

  it("has a short default delay that is never zero", () => {
    expect(DEFAULT_PAID_RECORD_DELAY_MS).toBeGreaterThan(0);
    expect(DEFAULT_PAID_RECORD_DELAY_MS).toBeLessThanOrEqual(5000);
  });
});

describe("the record triggers", () => {
  it("recordNeverUpdates: a finished payment never shows", async () => {
    const number = SANDBOX_RECORD_TRIGGERS.recordNeverUpdates;
    const before = await recorded(number);
    await payAndChoose(sandbox, number, "finished");
    pastTheDelay();
    expect(await recorded(number)).toEqual(before);
  });

  it("partlyPaid: the record shows half the invoice paid", async () => {
    const number = SANDBOX_RECORD_TRIGGERS.partlyPaid;
    await payAndChoose(sandbox, number, "finished");
    pastTheDelay();
    const invoice = (await recorded(number))!;
    expect(Number(invoice.paidAmount)).toBeGreaterThan(0);
    expect(Number(invoice.paidAmount)).toBeLessThan(Number(invoice.invoiceAmount));
  });

  it("disappears only when the delay ends, from every view of the record", async () => {
    const number = SANDBOX_RECORD_TRIGGERS.disappears;
    const start = freezeDate();
    await payAndChoose(sandbox, number, "finished");
    // Every test customer holds the trigger invoice; only kari's paid it.
    const copies = () => numbersOf(sandbox.invoices()).filter((each) => each === number).length;
    vi.setSystemTime(start + DELAY_MS - 1);
    expect(await recorded(number)).toBeDefined();
    expect(copies()).toBe(SANDBOX_CUSTOMERS.length);
    vi.setSystemTime(start + DELAY_MS);
    expect(await recorded(number)).toBeUndefined();
    expect(copies()).toBe(SANDBOX_CUSTOMERS.length - 1);
    expect(numbersOf(sandbox.invoices("kari"))).not.toContain(number);
  });

  it("disappears: the invoice leaves the list and the details, and cannot be paid again", async () => {
    const number = SANDBOX_RECORD_TRIGGERS.disappears;
    expect(await recorded(number)).toBeDefined();
    await payAndChoose(sandbox, number, "finished");
    pastTheDelay();
    expect(await recorded(number)).toBeUndefined();
    const details = await invoiceDetails(sandbox, {
      companyCode: COMPANY,
      invoiceNumber: number,
      reminderNumber: "0",
    });
    expect(details.status).toBe(400);
    expect((await payInvoice(sandbox, { invoiceNumber: number })).status).toBe(400);
  });
});
