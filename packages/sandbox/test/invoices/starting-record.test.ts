// The record each test customer starts with, as the README lists it: the
// spec's sample invoice with its reminder, the same invoice in the other style
// of the provider's pages, the trigger invoices older than both; the same for
// every sandbox started that day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SANDBOX_CUSTOMERS,
  SANDBOX_RECORD_TRIGGERS,
  SANDBOX_TRIGGERS,
  startSandbox,
  type Sandbox,
} from "../../src/index.js";
import { dayOf } from "../../src/invoices/values.js";
import { byNumber, COMPANY, everyInvoice, FIRST, listInvoices, PRODUCT } from "./helpers.js";

const DAY_MS = 86_400_000;
const SECOND = String(Number(FIRST) + 1);
const WIDE = { from: "1970-01-01", to: "2999-12-31" };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe.each(SANDBOX_CUSTOMERS.map(({ id, customerNumber }) => [id, customerNumber] as const))(
  "%s's starting record",
  (customer, customerNumber) => {
    it("holds the sample invoice in its two styles, with one reminder, unpaid", async () => {
      const { body } = await listInvoices(sandbox, WIDE, customer);
      const first = byNumber(body.invoices, FIRST)!;
      const second = byNumber(body.invoices, SECOND)!;
      for (const invoice of [first, second]) {
        expect(invoice).toMatchObject({ companyCode: COMPANY, product: PRODUCT, customerNumber });
      }
      expect(first).toMatchObject({ paidAmount: 0, invoiceAmount: expect.any(String) });
      expect(first.invoiceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(second).toMatchObject({ paidAmount: 0, invoiceAmount: 149 });
      expect(second.invoiceDate).toEqual(expect.any(Number));
      // The second is the newer: three days old, on a whole day.
      const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
      expect([today - 3 * DAY_MS, today - 4 * DAY_MS]).toContain(second.invoiceDate);
      expect(dayOf(first.invoiceDate) < dayOf(second.invoiceDate)).toBe(true);

      expect(body.reminders).toHaveLength(1);
      const [reminder] = body.reminders as Record<string, unknown>[];
      expect(reminder).toMatchObject({
        invoiceNumber: Number(FIRST),
        reminderNumber: 1,
        product: PRODUCT,
      });
      // Sent before today and after its invoice fell due, due after today; on
      // whole days, as the record's other epoch-millisecond dates.
      expect(reminder!.reminderDate as number).toBeLessThan(today);
      expect(reminder!.reminderDate as number).toBeGreaterThan(
        Date.parse((first as unknown as Record<string, string>).dueDate!),
      );
      expect(reminder!.dueDate as number).toBeGreaterThan(Date.now());
      expect((reminder!.reminderDate as number) % DAY_MS).toBe(0);
      expect((reminder!.dueDate as number) % DAY_MS).toBe(0);
    });

    it("dates each invoice's payment and due date 10 and 14 days after it, in its style", async () => {
      const second = byNumber(await everyInvoice(sandbox, customer), SECOND)!;
      const dated = second as unknown as Record<string, number>;
      expect(dated.paymentDate).toBe(dated.invoiceDate! + 10 * DAY_MS);
      expect(dated.dueDate).toBe(dated.invoiceDate! + 14 * DAY_MS);
    });

    it("holds one invoice per trigger, each named and older than the sample invoices", async () => {
      const invoices = await everyInvoice(sandbox, customer);
      const first = byNumber(invoices, FIRST)!;
      const triggers = { ...SANDBOX_TRIGGERS, ...SANDBOX_RECORD_TRIGGERS };
      const days = new Set<string>();
      for (const [name, number] of Object.entries(triggers)) {
        const invoice = byNumber(invoices, number)!;
        expect(invoice).toMatchObject({ sandboxTrigger: name, customerNumber });
        expect(dayOf(invoice.invoiceDate) < dayOf(first.invoiceDate)).toBe(true);
        days.add(dayOf(invoice.invoiceDate));
      }
      // A day each, so "the latest" is always one invoice.
      expect(days.size).toBe(Object.keys(triggers).length);
    });
  },
);

it("is the same in every sandbox started on the same day", async () => {
  const day = () => Math.floor(Date.now() / DAY_MS);
  // Two sandboxes on either side of midnight (UTC) differ by design: then compare two new ones.
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = day();
    const [one, other] = await Promise.all([startSandbox(), startSandbox()]);
    try {
      const records = await Promise.all(
        SANDBOX_CUSTOMERS.map(async ({ id }) => [
          await everyInvoice(one, id),
          await everyInvoice(other, id),
        ]),
      );
      if (day() !== started) continue;
      for (const [mine, theirs] of records) expect(theirs).toEqual(mine);
      expect(records.flat().every((invoices) => invoices!.length > 2)).toBe(true);
      return;
    } finally {
      await Promise.all([one.close(), other.close()]);
    }
  }
  throw new Error("the day changed twice while comparing");
});

it("sandbox.invoices() holds every customer's record, and one customer's when named", () => {
  const all = sandbox.invoices();
  const numbers = SANDBOX_CUSTOMERS.map(({ customerNumber }) => customerNumber);
  expect(new Set(all.map((invoice) => invoice.customerNumber))).toEqual(new Set(numbers));
  for (const { id, customerNumber } of SANDBOX_CUSTOMERS) {
    const own = sandbox.invoices(id);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((invoice) => invoice.customerNumber === customerNumber)).toBe(true);
    expect(own).toEqual(all.filter((invoice) => invoice.customerNumber === customerNumber));
  }
});
