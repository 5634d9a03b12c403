// readInvoice: the drift between the provider's pages, case by case. Pure
// functions, so no server: each case is a record as the API may answer it.
import { describe, expect, test } from "vitest";
import { INVOICE, INVOICE_REMINDER } from "../../../../openapi/fixtures.mjs";
import { ConnectError, readInvoice } from "../../src/index.js";

const invoice = (fields: Record<string, unknown>) => readInvoice({ ...INVOICE, ...fields });

describe("invoiceNumber: a string in invoices, an integer in reminders", () => {
  test("both read as the same string", () => {
    expect(typeof INVOICE.invoiceNumber).toBe("string");
    expect(typeof INVOICE_REMINDER.invoiceNumber).toBe("number");
    expect(readInvoice(INVOICE_REMINDER).invoiceNumber).toBe(readInvoice(INVOICE).invoiceNumber);
    expect(readInvoice(INVOICE).invoiceNumber).toBe(INVOICE.invoiceNumber);
  });
});

describe("amounts: exact minor units, two decimals assumed", () => {
  test("the sample's string, a number and a number with a decimal read the same", () => {
    const asNumber = Number(INVOICE.invoiceAmount);
    const readings = [INVOICE.invoiceAmount, asNumber, asNumber + 0.0, `${asNumber}`].map(
      (invoiceAmount) => invoice({ invoiceAmount }).invoicedMinor,
    );
    expect(readings).toEqual(Array(4).fill(asNumber * 100));
    expect(Number.isInteger(readings[0])).toBe(true);
  });

  test('a paid amount of 0.1 + 0.2 equals an invoiced "0.30": paid', () => {
    const paid = 0.1 + 0.2;
    expect(paid).not.toBe(0.3);
    const reading = invoice({ invoiceAmount: "0.30", paidAmount: paid });
    expect([reading.invoicedMinor, reading.paidMinor, reading.state]).toEqual([30, 30, "paid"]);
  });

  test("one and two decimals, and zeros beyond them", () => {
    expect(invoice({ invoiceAmount: "12.5" }).invoicedMinor).toBe(1250);
    expect(invoice({ invoiceAmount: "12.50" }).invoicedMinor).toBe(1250);
    expect(invoice({ invoiceAmount: "12.500" }).invoicedMinor).toBe(1250);
  });

  test.each([
    ["a decimal comma", "295,00"],
    ["a third decimal", "1.005"],
    ["a third decimal as a number", 1.005],
    ["a word", "free"],
    ["a boolean", true],
    ["a number beyond exact counting", 2 ** 60],
    ["infinity", Infinity],
  ])("%s cannot be read: undefined and the state unknown", (_, invoiceAmount) => {
    const reading = invoice({ invoiceAmount, paidAmount: 0 });
    expect(reading.invoicedMinor).toBeUndefined();
    expect(reading.state).toBe("unknown");
  });
});

describe("the state, from invoiceAmount and paidAmount alone", () => {
  const invoiced = Number(INVOICE.invoiceAmount);

  test.each([
    [0, "unpaid"],
    [1, "partly_paid"],
    [invoiced - 0.01, "partly_paid"],
    [invoiced, "paid"],
    [`${invoiced}.00`, "paid"],
    [invoiced + 10, "paid"],
  ] as const)("paid %s of the invoiced amount: %s", (paidAmount, state) => {
    expect(invoice({ paidAmount }).state).toBe(state);
  });

  test("names the fields it read", () => {
    expect(readInvoice(INVOICE).readFrom).toEqual(["invoiceAmount", "paidAmount"]);
  });

  test("amount beside invoiceAmount is never read as what is owed", () => {
    // `amount` (49 in the sample) is paid in full, invoiceAmount is not: partly paid.
    const reading = invoice({ paidAmount: INVOICE.amount });
    expect(INVOICE.amount).toBeLessThan(Number(INVOICE.invoiceAmount));
    expect(reading.state).toBe("partly_paid");
  });

  test("paymentStatus is passed through, never interpreted", () => {
    for (const paymentStatus of ["1", "9", "paid", "PAID"]) {
      const reading = invoice({ paymentStatus, paidAmount: 0 });
      expect(reading.state).toBe("unpaid");
      expect(reading.paymentStatus).toBe(paymentStatus);
    }
  });

  test("a missing paid amount, or a negative one, is unknown", () => {
    const { paidAmount: _paid, ...withoutPaid } = INVOICE;
    expect(readInvoice(withoutPaid).state).toBe("unknown");
    expect(invoice({ paidAmount: -5 }).state).toBe("unknown");
    expect(invoice({ invoiceAmount: "-5.00" }).state).toBe("unknown");
  });

  test("a record that is no object reads as unknown, with nothing read", () => {
    const reading = readInvoice(null as unknown as object);
    expect(reading.state).toBe("unknown");
    expect(reading.invoiceNumber).toBeUndefined();
  });
});

describe("dates: YYYY-MM-DD, epoch milliseconds read in Europe/Oslo", () => {
  // 22:30 UTC on 27 June 2019 is already 28 June in Oslo (UTC+2 in summer).
  const lateEvening = Date.UTC(2019, 5, 27, 22, 30);

  test("a string date is kept; an epoch is the Oslo calendar day", () => {
    expect(readInvoice(INVOICE).dueDate).toBe(INVOICE.dueDate);
    expect(invoice({ dueDate: lateEvening }).dueDate).toBe("2019-06-28");
  });

  test("the time zone is configurable", () => {
    const reading = readInvoice({ ...INVOICE, dueDate: lateEvening }, { timeZone: "UTC" });
    expect(reading.dueDate).toBe("2019-06-27");
  });

  test("a reminder's epoch dates read as calendar days", () => {
    expect(readInvoice(INVOICE_REMINDER).dueDate).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  test("a date that does not exist, or no date, is undefined", () => {
    expect(invoice({ dueDate: "2023-02-29" }).dueDate).toBeUndefined();
    expect(invoice({ dueDate: "28.02.2023" }).dueDate).toBeUndefined();
    expect(invoice({ dueDate: 1.5 }).dueDate).toBeUndefined();
  });

  test("an unknown time zone is a typed error naming the option", () => {
    let thrown: unknown;
    try {
      readInvoice(INVOICE, { timeZone: "Mars/Olympus" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectError);
    expect(thrown).toMatchObject({
      code: "invalid_request",
      issues: [{ field: "timeZone", message: expect.stringContaining("IANA") as string }],
    });
  });
});
