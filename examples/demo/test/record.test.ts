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
  it("lists each started payment with the customer's number as a StartedPayment, once per invoice", () => {
    const records = newRecords();
    records.started(11, invoice("INV-1", 7));
    records.started(12, invoice("INV-1", 7)); // started again: the same invoice
    records.started(13, invoice("INV-2", 7));
    records.started(14, invoice("INV-3")); // the record gave no customer number
    expect(records.unconfirmed()).toEqual([
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

  it("grants a confirmed payment once, and then lists it no more", () => {
    const records = newRecords();
    records.started(11, invoice("INV-1", 7));
    const [{ payment }] = records.unconfirmed() as [{ payment: never }];
    expect(records.grantConfirmed(payment)).toEqual({
      invoiceNumber: "INV-1",
      transactionId: 11,
      by: "back office",
    });
    expect(records.grantConfirmed(payment)).toBeUndefined();
    expect(records.grants()).toHaveLength(1);
    expect(records.unconfirmed()).toEqual([]);
  });

  it("grants nothing for a payment this shop did not start", () => {
    const records = newRecords();
    records.started(11, invoice("INV-1", 7));
    const other = { ...invoice("INV-9"), customerNumber: 7, startedAt: 0 };
    expect(records.grantConfirmed(other)).toBeUndefined();
    expect(records.grants()).toEqual([]);
  });

  it("shares one key with the return: a payment the return granted is not granted again", async () => {
    const records = newRecords();
    records.started(11, invoice("INV-1", 7));
    const [{ payment }] = records.unconfirmed() as [{ payment: never }];
    await records.confirm(paidClient, 11);
    expect(records.grants()).toEqual([{ invoiceNumber: "INV-1", transactionId: 11, by: "return" }]);
    expect(records.unconfirmed()).toEqual([]);
    expect(records.grantConfirmed(payment)).toBeUndefined();
    expect(records.grants()).toHaveLength(1);
    expect(paymentKey(payment)).toBe("COMPANY-A/PRODUCT-A/INV-1");
  });
});
