// The record of payments started: what the back office lists as not
// confirmed, and granting at most once per paymentKey, whichever of the
// return and the back office confirms first.
import { paymentKey, type ConnectClient } from "@connect-payment/client";
import { describe, expect, it } from "vitest";
import { PaymentRecords } from "../src/record.js";

const invoice = (invoiceNumber: string, customerNumber?: number) => ({
  productCode: "PRODUCT-A",
  companyCode: "COMPANY-A",
  invoiceNumber,
  ...(customerNumber !== undefined && { customerNumber }),
});
const newRecords = () => new PaymentRecords({ waitMs: 0, log: () => {}, now: () => 1_000 });
/** A customer's client whose record says every invoice is paid. */
const paidClient = {
  confirmInvoicePayment: () => Promise.resolve({ state: "paid" }),
} as unknown as ConnectClient;

describe("PaymentRecords, for the back office", () => {
  it("lists each started payment with the customer's number as a StartedPayment, once per invoice", async () => {
    const records = newRecords();
    await records.started(11, invoice("INV-1", 7));
    await records.started(12, invoice("INV-1", 7)); // started again: the same invoice
    await records.started(13, invoice("INV-2", 7));
    await records.started(14, invoice("INV-3")); // the record gave no customer number
    expect(await records.unconfirmed()).toEqual([
      {
        transactionId: 11,
        payment: {
          customerNumber: 7,
          productCode: "PRODUCT-A",
          companyCode: "COMPANY-A",
          invoiceNumber: "INV-1",
          startedAt: 1_000,
        },
      },
      expect.objectContaining({ transactionId: 13 }),
    ]);
  });

  it("grants a confirmed payment once, and then lists it no more", async () => {
    const records = newRecords();
    await records.started(11, invoice("INV-1", 7));
    const payment = (await records.unconfirmed())[0]!.payment;
    expect(await records.grantConfirmed(payment)).toEqual({
      invoiceNumber: "INV-1",
      transactionId: 11,
      by: "back office",
    });
    expect(await records.grantConfirmed(payment)).toBeUndefined();
    expect(await records.grants()).toHaveLength(1);
    expect(await records.unconfirmed()).toEqual([]);
  });

  it("grants nothing for a payment this shop did not start", async () => {
    const records = newRecords();
    await records.started(11, invoice("INV-1", 7));
    const other = { ...invoice("INV-9"), customerNumber: 7, startedAt: 0 };
    expect(await records.grantConfirmed(other)).toBeUndefined();
    expect(await records.grants()).toEqual([]);
  });

  it("shares one key with the return: a payment the return granted is not granted again", async () => {
    const records = newRecords();
    await records.started(11, invoice("INV-1", 7));
    const payment = (await records.unconfirmed())[0]!.payment;
    await records.confirm(paidClient, 11);
    expect(await records.grants()).toEqual([
      { invoiceNumber: "INV-1", transactionId: 11, by: "return" },
    ]);
    expect(await records.unconfirmed()).toEqual([]);
    expect(await records.grantConfirmed(payment)).toBeUndefined();
    expect(await records.grants()).toHaveLength(1);
    expect(paymentKey(payment)).toBe("COMPANY-A/PRODUCT-A/INV-1");
  });
});
