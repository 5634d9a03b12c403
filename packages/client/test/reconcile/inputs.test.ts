// The parts of reconcilePayments a merchant's data reaches directly: the
// default matcher, the key, the order of the groups and the checkpoint, and
// every broken option named exactly, before any call.
import { describe, expect, it } from "vitest";
import { ConnectError } from "../../src/errors.js";
import type { Clock } from "../../src/rate-budget.js";
import {
  paymentKey,
  reconcilePayments,
  sameInvoice,
  type ClientModeReader,
  type StartedPayment,
} from "../../src/reconcile.js";

/** A clock whose sleep only moves its time on (the rate budget waits on it). */
let time = Date.UTC(2026, 11, 3, 12);
const clock: Clock = {
  now: () => time,
  sleep: (ms) => {
    time += ms;
    return Promise.resolve();
  },
};
const judge = () => "seen";

function payment(extra: Partial<StartedPayment> = {}): StartedPayment {
  return {
    customerNumber: 1,
    productCode: "P1",
    companyCode: "C1",
    invoiceNumber: "9001",
    startedAt: Date.UTC(2026, 11, 1),
    ...extra,
  };
}

/** A reader with an empty record that notes each call's customer/product and options. */
function emptyReader() {
  const calls: { group: string; signal: AbortSignal | undefined }[] = [];
  const reader: ClientModeReader = {
    listClientInvoicesForProduct(customerNumber, productCode, _query, options) {
      calls.push({ group: `${customerNumber}/${productCode}`, signal: options?.signal });
      return Promise.resolve([]);
    },
  };
  return { reader, calls };
}

async function all<T>(results: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const result of results) found.push(result);
  return found;
}

async function issuesOf(options: Record<string, unknown>) {
  const { reader, calls } = emptyReader();
  const run = all(reconcilePayments(reader, { judge, clock, ...options } as never));
  const error = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConnectError);
  expect((error as ConnectError).code).toBe("invalid_request");
  expect(calls).toEqual([]);
  return (error as ConnectError).issues;
}

describe("sameInvoice, the default matcher", () => {
  it("reads a numeric invoiceNumber as its digits, and anything else as no number", () => {
    expect(sameInvoice({ companyCode: "C1", invoiceNumber: 9001 }, payment())).toBe(true);
    expect(sameInvoice({ companyCode: "C1", invoiceNumber: "9001" }, payment())).toBe(true);
    expect(sameInvoice({ companyCode: "C1", invoiceNumber: "9002" }, payment())).toBe(false);
    expect(sameInvoice({ companyCode: "C1", invoiceNumber: { n: 9001 } }, payment())).toBe(false);
    expect(sameInvoice({ companyCode: "C1", invoiceNumber: [9001] }, payment())).toBe(false);
  });

  it("never matches across companies", () => {
    expect(sameInvoice({ companyCode: "C2", invoiceNumber: "9001" }, payment())).toBe(false);
  });

  it("decides by invoiceHotelUrl when both have one, whatever the invoiceId says", () => {
    const url = "https://invoices.example/1";
    const withUrl = payment({ invoiceHotelUrl: url });
    expect(sameInvoice({ companyCode: "C1", invoiceHotelUrl: url, invoiceId: "7" }, withUrl)).toBe(
      true,
    );
    const other = { companyCode: "C1", invoiceHotelUrl: `${url}0`, invoiceId: "9001" };
    expect(sameInvoice(other, withUrl)).toBe(false);
  });

  it("falls back to the invoiceId when only one side has a URL", () => {
    const invoice = { companyCode: "C1", invoiceHotelUrl: "https://invoices.example/1" };
    expect(sameInvoice({ ...invoice, invoiceId: "9001" }, payment())).toBe(true);
    expect(sameInvoice({ ...invoice, invoiceId: 9001 }, payment())).toBe(true);
    expect(sameInvoice({ ...invoice, invoiceId: "9002" }, payment())).toBe(false);
    const withUrl = payment({ invoiceHotelUrl: "https://invoices.example/1" });
    expect(sameInvoice({ companyCode: "C1", invoiceId: "9001" }, withUrl)).toBe(true);
    expect(sameInvoice({ companyCode: "C1", invoiceId: true }, payment())).toBe(false);
    expect(sameInvoice({ companyCode: "C1" }, payment())).toBe(false);
  });
});

describe("reconcilePayments: order, key and checkpoint", () => {
  const payments = [
    payment({ customerNumber: 2, productCode: "A", invoiceNumber: "1" }),
    payment({ customerNumber: 1, productCode: "B", invoiceNumber: "2" }),
    payment({ customerNumber: 1, productCode: "A", invoiceNumber: "3" }),
    payment({ customerNumber: 1, productCode: "A", invoiceNumber: "4" }),
  ];

  it("reads the groups by customer number, then product code, whatever order the payments came in", async () => {
    const { reader, calls } = emptyReader();
    const results = await all(reconcilePayments(reader, { payments, judge, clock }));
    expect(calls.map((call) => call.group)).toEqual(["1/A", "1/B", "2/A"]);
    expect(results.map((r) => r.key)).toEqual(["C1/A/3", "C1/A/4", "C1/B/2", "C1/A/1"]);
    expect(results.map((r) => r.checkpoint)).toEqual(["", "1/A", "1/B", "2/A"]);
    expect(paymentKey(payments[0]!)).toBe("C1/A/1");
  });

  it("sorts product codes whichever order they came in, in any number", async () => {
    // Codes in a scrambled but fixed order (7 steps at a time through 61), and then sorted.
    const codes = Array.from({ length: 61 }, (_, i) => `P${String((i * 7) % 61).padStart(2, "0")}`);
    for (const input of [["P1", "P2"], ["P2", "P1"], codes]) {
      const { reader, calls } = emptyReader();
      const group = input.map((productCode) => payment({ productCode }));
      await all(reconcilePayments(reader, { payments: group, judge, clock }));
      expect(calls.map((call) => call.group)).toEqual([...input].sort().map((code) => `1/${code}`));
    }
  });

  it("resumes after the checkpoint's group, and keeps it until the next group ends", async () => {
    const { reader, calls } = emptyReader();
    const results = await all(
      reconcilePayments(reader, {
        payments: [...payments, payment({ customerNumber: 3, invoiceNumber: "5" })],
        judge,
        clock,
        checkpoint: "1/B",
      }),
    );
    expect(calls.map((call) => call.group)).toEqual(["2/A", "3/P1"]);
    expect(results.map((r) => r.checkpoint)).toEqual(["2/A", "3/P1"]);
    const { reader: again } = emptyReader();
    const twoInAGroup = await all(
      reconcilePayments(again, { payments, judge, clock, checkpoint: "0/Z" }),
    );
    expect(twoInAGroup[0]!.checkpoint).toBe("0/Z");
  });

  it("passes the caller's signal to every read", async () => {
    const { reader, calls } = emptyReader();
    const { signal } = new AbortController();
    await all(reconcilePayments(reader, { payments, judge, clock, signal }));
    expect(calls.map((call) => call.signal)).toEqual([signal, signal, signal]);
  });

  it.each(["nonsense", "/A", "x1/A"])(
    "refuses a checkpoint it did not give (%j), naming the field",
    async (checkpoint) => {
      const run = all(
        reconcilePayments(emptyReader().reader, { payments, judge, clock, checkpoint }),
      );
      const error = await run.catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ConnectError);
      expect((error as ConnectError).issues).toEqual([
        { field: "checkpoint", message: "must be a checkpoint this function gave" },
      ]);
      expect((error as ConnectError).message).toContain("reconcilePayments options");
    },
  );
});

describe("reconcilePayments: every broken option named, no call made", () => {
  it("payments that are not an array: one issue, nothing read into it", async () => {
    expect(await issuesOf({ payments: "all of them" })).toEqual([
      { field: "payments", message: "must be an array" },
    ]);
  });

  it("each broken field of each payment, by its place", async () => {
    const issues = await issuesOf({
      payments: [
        payment(),
        null,
        payment({ customerNumber: 0, productCode: "", companyCode: 5 as never }),
        payment({ invoiceNumber: "", startedAt: Number.NaN }),
      ],
    });
    const nonEmpty = "must be a non-empty string";
    expect(issues).toEqual([
      { field: "payments[1].customerNumber", message: "must be a positive integer" },
      { field: "payments[1].productCode", message: nonEmpty },
      { field: "payments[1].companyCode", message: nonEmpty },
      { field: "payments[1].invoiceNumber", message: nonEmpty },
      { field: "payments[1].startedAt", message: "must be milliseconds since the epoch" },
      { field: "payments[2].customerNumber", message: "must be a positive integer" },
      { field: "payments[2].productCode", message: nonEmpty },
      { field: "payments[2].companyCode", message: nonEmpty },
      { field: "payments[3].invoiceNumber", message: nonEmpty },
      { field: "payments[3].startedAt", message: "must be milliseconds since the epoch" },
    ]);
  });

  it.each([0, -0.5, 1.01, Number.NaN])("a share of %s", async (share) => {
    expect(await issuesOf({ payments: [payment()], share })).toEqual([
      { field: "share", message: "must be more than 0 and at most 1" },
    ]);
  });

  it("names the options in the message", async () => {
    const { reader } = emptyReader();
    const error = await all(
      reconcilePayments(reader, { payments: [payment()], judge, clock, share: 2 }),
    ).catch((thrown: unknown) => thrown);
    expect((error as ConnectError).message).toContain("reconcilePayments options");
  });

  it("a share of exactly 1 is allowed", async () => {
    const { reader, calls } = emptyReader();
    await all(reconcilePayments(reader, { payments: [payment()], judge, clock, share: 1 }));
    expect(calls).toHaveLength(1);
  });
});
