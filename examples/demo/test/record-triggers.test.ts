// The record's other answers, as the return page shows them: each of the
// sandbox's record triggers is paid normally (finished), then its record
// never shows the payment, shows half of it, or loses the invoice. None is
// "Paid", each offers to check again, and nothing is granted.
import { SANDBOX_RECORD_TRIGGERS } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { newCustomer } from "./shop.js";

let demo: Demo;
beforeAll(async () => {
  // No lag: what the return page shows is the record's final answer.
  demo = await startDemo({ login: false, paidRecordDelayMs: 0, confirmWaitMs: 500 });
});
afterAll(() => demo.close());

describe("the return page for the sandbox's record triggers", () => {
  it.each([
    ["recordNeverUpdates", "unpaid"],
    ["partlyPaid", "partly_paid"],
    ["disappears", "not_found"],
  ] as const)(
    "%s: finished at the provider, the record says %s, nothing is granted",
    async (trigger, state) => {
      const customer = await newCustomer(demo.merchantUrl);
      const invoiceNumber = SANDBOX_RECORD_TRIGGERS[trigger];
      // The account page lists it, like any unpaid invoice.
      expect(customer.invoices).toContain(invoiceNumber);
      const pay = await customer.pay({ paymentMethod: "nexi", invoiceNumber });
      expect(pay.status).toBe(303);
      const back = demo.sandbox.completePayment(pay.headers.get("location")!, "finished");
      const html = await (await fetch(back)).text();
      expect(html).toContain('data-testid="result-status">finished<');
      expect(html).toContain(`data-testid="record-message" data-state="${state}"`);
      expect(html).toContain("Not confirmed yet");
      expect(html).not.toContain("Paid:");
      expect(html).toContain('data-testid="check-again"');
      expect(await demo.grants()).toEqual([]);
    },
    20_000,
  );
});
