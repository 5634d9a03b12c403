// The return page shows two things apart: what the link says (what to show)
// and the provider's record (what to grant). Only a record that shows the
// invoice paid says "Paid"; anything else says "not confirmed yet" and
// offers to check again.
import { describe, expect, it } from "vitest";
import { accountPage } from "../src/account-pages.js";
import { returnPage, type RecordState } from "../src/pages.js";

const page = (
  state: RecordState | "unknown_payment",
  status: "finished" | "cancelled" = "finished",
) =>
  returnPage({
    status,
    transactionId: 42,
    invoiceNumber: "1001",
    canRetry: status !== "finished",
    record: state === "unknown_payment" ? { state } : { state, invoiceNumber: "1001" },
    checkAgainUrl: "/return?cp_tx=42&cp_sig=abc&paymentStatus=finished",
  });

const part = (html: string, id: string) =>
  new RegExp(`<section data-testid="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";

describe("the return page", () => {
  it("shows the link's claim and the record in two parts", () => {
    const html = page("unpaid");
    expect(part(html, "link-part")).toContain('data-testid="result-status">finished<');
    expect(part(html, "link-part")).not.toContain("record-message");
    expect(part(html, "record-part")).toContain('data-testid="record-message" data-state="unpaid"');
  });

  it('says "Paid" only when the record shows the invoice paid', () => {
    const paid = part(page("paid"), "record-part");
    expect(paid).toContain("Paid: the provider&#39;s record of invoice 1001 shows it paid.");
    expect(paid).not.toContain('data-testid="check-again"');
    for (const state of ["partly_paid", "unpaid", "unknown", "not_found"] as const) {
      const record = part(page(state), "record-part");
      expect(record, state).not.toContain("Paid:");
      expect(record, state).toContain("Not confirmed yet");
      // Checking again opens the same bound link, which reads the record again.
      expect(record, state).toContain(
        'href="/return?cp_tx=42&amp;cp_sig=abc&amp;paymentStatus=finished" data-testid="check-again"',
      );
    }
  });

  it("a cancelled link with a paid record still says paid: the record decides", () => {
    const html = page("paid", "cancelled");
    expect(part(html, "link-part")).toContain("You cancelled the payment.");
    expect(part(html, "record-part")).toContain("Paid:");
  });

  it("a payment the shop did not start has no record to read", () => {
    const record = part(page("unknown_payment"), "record-part");
    expect(record).toContain('data-state="unknown_payment"');
    expect(record).not.toContain("Paid:");
  });
});

describe("the account page", () => {
  const data = {
    invoices: [
      {
        invoiceNumber: "1001",
        description: "Weekly",
        amount: "120.00",
        dueDate: "2026-01-21",
        scenario: undefined,
      },
      {
        invoiceNumber: "1002",
        description: "Weekly",
        amount: "",
        dueDate: undefined,
        scenario: "Server error (500)",
      },
    ],
    reminders: [{ invoiceNumber: "1001", amount: "49.00", dueDate: undefined }],
    paymentMethods: ["nexi"],
    csrfToken: "t",
  };

  it("offers each listed invoice, the first chosen", () => {
    const html = accountPage(data);
    expect(html).toContain('value="1001" data-testid="invoice-1001" checked');
    expect(html).toContain('value="1002" data-testid="invoice-1002">');
    expect(html).toContain("120.00");
    expect(html).toContain("(sandbox: Server error (500))");
  });

  it("lists reminders without a way to pay them, and says so", () => {
    const html = accountPage(data);
    expect(html).toContain('data-testid="reminder-row"');
    expect(html).toContain('data-testid="reminder-note"');
    expect((html.match(/name="invoiceNumber"/g) ?? []).length).toBe(2);
  });

  it("says so when nothing is owed, with no pay form", () => {
    const html = accountPage({ ...data, invoices: [], reminders: [] });
    expect(html).toContain('data-testid="no-invoices"');
    expect(html).not.toContain('data-testid="pay-form"');
  });
});
