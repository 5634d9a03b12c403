import { describe, expectTypeOf, test } from "vitest";
import {
  createConnectClient,
  readInvoice,
  type Invoice,
  type InvoiceList,
  type InvoicePaymentConfirmation,
  type InvoiceReading,
  type InvoiceState,
} from "../../src/index.js";

const client = createConnectClient({ accessToken: "test-token" });
const invoice = { invoiceNumber: "1", companyCode: "C1", productCode: "P1" };

describe("the Invoice calls' types", () => {
  test("listInvoices takes a product code and an optional query; resolves both lists", () => {
    expectTypeOf(client.listInvoices("P1")).resolves.toEqualTypeOf<InvoiceList>();
    expectTypeOf(client.listInvoices("P1", { unpaid: true, from: "2019-01-01" }))
      .resolves.toHaveProperty("invoices")
      .toEqualTypeOf<Invoice[]>();
    // @ts-expect-error unpaid is a boolean
    void client.listInvoices("P1", { unpaid: "true" });
    // @ts-expect-error no such filter
    void client.listInvoices("P1", { paid: true });
  });

  test("a drifting field is typed with every form the pages show", () => {
    expectTypeOf<Invoice["invoiceAmount"]>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<Invoice["invoiceNumber"]>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<Invoice["dueDate"]>().toEqualTypeOf<string | number | undefined>();
  });

  test("getInvoiceDetails takes integers for the numbers", () => {
    void client.getInvoiceDetails({ companyCode: "C1", invoiceNumber: 1, reminderNumber: 0 });
    // @ts-expect-error invoiceNumber is an integer here
    void client.getInvoiceDetails({ companyCode: "C1", invoiceNumber: "1", reminderNumber: 0 });
    // @ts-expect-error reminderNumber is required (0 for the invoice)
    void client.getInvoiceDetails({ companyCode: "C1", invoiceNumber: 1 });
  });

  test("confirmInvoicePayment resolves one of five states, the invoice read", () => {
    const confirming = client.confirmInvoicePayment(invoice, { waitMs: 5_000 });
    expectTypeOf(confirming).resolves.toEqualTypeOf<InvoicePaymentConfirmation>();
    expectTypeOf<InvoicePaymentConfirmation["state"]>().toEqualTypeOf<
      "paid" | "partly_paid" | "unpaid" | "unknown" | "not_found"
    >();
    expectTypeOf<InvoicePaymentConfirmation["invoice"]>().toEqualTypeOf<
      InvoiceReading | undefined
    >();
    // @ts-expect-error the payment method is not part of the record
    void client.confirmInvoicePayment({ ...invoice, paymentMethod: "nexi" });
    // @ts-expect-error productCode is required
    void client.confirmInvoicePayment({ invoiceNumber: "1", companyCode: "C1" });
  });

  test("readInvoice gives exact minor units, dates as strings and a state", () => {
    const reading = readInvoice({ invoiceAmount: 1 }, { timeZone: "UTC" });
    expectTypeOf(reading.invoicedMinor).toEqualTypeOf<number | undefined>();
    expectTypeOf(reading.dueDate).toEqualTypeOf<string | undefined>();
    expectTypeOf(reading.state).toEqualTypeOf<InvoiceState>();
    expectTypeOf<InvoiceState>().toEqualTypeOf<"paid" | "partly_paid" | "unpaid" | "unknown">();
  });
});
