import { PAYMENT_METHODS } from "@connect-payment/client";
import { SANDBOX_TRIGGERS } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { newCustomer, type Customer } from "./shop.js";

let demo: Demo;
let customer: Customer;
const logged: string[] = [];
beforeAll(async () => {
  // The shop pays with one test customer's token; login.test.ts has the login.
  demo = await startDemo({ login: false, log: (line) => logged.push(line) });
  customer = await newCustomer(demo.merchantUrl);
});
afterAll(() => demo.close());

const pay = (form: Record<string, string>) => customer.pay(form);

const codeOf = (html: string) => /data-testid="api-error-code">([^<]*)</.exec(html)?.[1];

describe("when the API says no, the merchant shows why and does not redirect", () => {
  it.each([
    ["notAdded", "payment_not_added"],
    ["serverError", "server_error"],
    ["rateLimited", "rate_limited"],
    ["badRequest", "bad_request"],
    ["expiredToken", "unauthorized"],
    ["notJson", "unexpected_response"],
  ] as const)(
    "%s → %s",
    async (trigger, code) => {
      // The sandbox lists its trigger invoices among the customer's unpaid ones: the shop pays one from the list.
      expect(customer.invoices).toContain(SANDBOX_TRIGGERS[trigger]);
      const response = await pay({
        paymentMethod: PAYMENT_METHODS[0],
        invoiceNumber: SANDBOX_TRIGGERS[trigger],
      });
      expect(response.status).toBe(502);
      expect(response.headers.get("location")).toBeNull();
      const html = await response.text();
      expect(codeOf(html)).toBe(code);
      expect(html).not.toContain("demo-access-token");
    },
    10_000,
  );

  it("rejects an unknown payment method before anything is sent", async () => {
    const before = demo.sandbox.transactions().length;
    const response = await pay({ paymentMethod: "cash" });
    const html = await response.text();
    expect(codeOf(html)).toBe("invalid_request");
    // The field and its rule are for the developer: in the server log, not on the page.
    expect(html).not.toContain("paymentMethod");
    expect(logged.some((line) => /invalid_request: .*paymentMethod/.test(line))).toBe(true);
    expect(demo.sandbox.transactions()).toHaveLength(before);
  });
});
