// The back office's reconciliation, with a clock that runs as fast as the
// test does and a reader that keeps the record and counts the calls the way
// the provider's limits do: each payment reported once, the budget kept in
// every window, a checkpoint that resumes, and bad input refused before a call.
import { describe, expect, it } from "vitest";
import { ConnectError } from "../../src/errors.js";
import { PROVIDER_RATE_LIMITS, type Clock } from "../../src/rate-budget.js";
import {
  paymentKey,
  reconcilePayments,
  type ClientModeReader,
  type StartedPayment,
} from "../../src/reconcile.js";

/** A clock whose sleep only moves its time on. */
function fakeClock(start = Date.UTC(2026, 11, 3, 12)): Clock & { slept: number } {
  let now = start;
  return {
    slept: 0,
    now: () => now,
    sleep(ms) {
      now += ms;
      this.slept += ms;
      return Promise.resolve();
    },
  };
}

type Invoice = Record<string, unknown>;

/** A record of invoices by "customer/product", and the time of every call. */
function recordReader(clock: Clock, record: Map<string, Invoice[]>) {
  const calls: {
    at: number;
    customerNumber: number;
    productCode: string;
    from?: string;
    to?: string;
  }[] = [];
  const reader: ClientModeReader = {
    listClientInvoicesForProduct(customerNumber, productCode, query) {
      calls.push({ at: clock.now(), customerNumber, productCode, ...query });
      return Promise.resolve(record.get(`${customerNumber}/${productCode}`) ?? []);
    },
  };
  return { reader, calls };
}

/** The most calls in any window of `ms` that starts at a call. */
function busiest(times: number[], ms: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! <= times[i]! - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const judge = (invoice: Invoice) =>
  Number(invoice.paidAmount) >= Number(invoice.invoiceAmount) ? "paid" : "unpaid";

function payment(
  customerNumber: number,
  invoiceNumber: string,
  extra: Partial<StartedPayment> = {},
): StartedPayment {
  return {
    customerNumber,
    productCode: "P1",
    companyCode: "C1",
    invoiceNumber,
    startedAt: Date.UTC(2026, 11, 1),
    ...extra,
  };
}

async function all<T>(results: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const result of results) found.push(result);
  return found;
}

describe("reconcilePayments", () => {
  it("10,000 payments of 4,000 customers: one call per customer and product, each payment once, within half of both limits", async () => {
    const clock = fakeClock();
    const record = new Map<string, Invoice[]>();
    const payments: StartedPayment[] = [];
    for (let i = 0; i < 10_000; i++) {
      const customer = 1 + (i % 4_000);
      const number = String(700_000 + i);
      payments.push(payment(customer, number));
      const invoices = record.get(`${customer}/P1`) ?? [];
      invoices.push({
        companyCode: "C1",
        invoiceNumber: number,
        invoiceAmount: 295,
        paidAmount: i % 3 ? 295 : 0,
      });
      record.set(`${customer}/P1`, invoices);
    }
    const { reader, calls } = recordReader(clock, record);
    const results = await all(reconcilePayments(reader, { payments, judge, clock }));

    expect(calls).toHaveLength(4_000);
    expect(results).toHaveLength(10_000);
    expect(new Set(results.map((r) => r.key)).size).toBe(10_000);
    expect(results.filter((r) => r.state === "paid")).toHaveLength(
      payments.filter((_, i) => i % 3).length,
    );
    const times = calls.map((c) => c.at);
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(PROVIDER_RATE_LIMITS.perSecond / 2);
    expect(busiest(times, 60_000)).toBeLessThanOrEqual(PROVIDER_RATE_LIMITS.perMinute / 2);
    // And it used the budget rather than crawl: four minutes of the clock for 4,000 calls at 1,000 a minute.
    expect(clock.now() - times[0]!).toBeLessThan(4 * 60_000);
  });

  it("a share of 1 stays within the provider's whole limits", async () => {
    const clock = fakeClock();
    const payments = Array.from({ length: 3_000 }, (_, i) => payment(i + 1, "1"));
    const { reader, calls } = recordReader(clock, new Map());
    await all(reconcilePayments(reader, { payments, judge, clock, share: 1 }));
    const times = calls.map((c) => c.at);
    expect(busiest(times, 1_000)).toBe(PROVIDER_RATE_LIMITS.perSecond);
    expect(busiest(times, 60_000)).toBeLessThanOrEqual(PROVIDER_RATE_LIMITS.perMinute);
  });

  it("reads from three years before the earliest payment (the invoice is older) to the day after now", async () => {
    const clock = fakeClock(Date.UTC(2026, 11, 3, 12));
    const { reader, calls } = recordReader(clock, new Map());
    await all(
      reconcilePayments(reader, {
        payments: [payment(7, "1", { startedAt: Date.UTC(2026, 10, 20, 0, 30) }), payment(7, "2")],
        judge,
        clock,
      }),
    );
    expect(calls).toEqual([
      expect.objectContaining({ customerNumber: 7, from: "2023-11-18", to: "2026-12-04" }),
    ]);
  });

  it("an invoice absent from the record is not_found, never paid", async () => {
    const clock = fakeClock();
    const record = new Map([
      ["5/P1", [{ companyCode: "C1", invoiceNumber: "1", invoiceAmount: 10, paidAmount: 10 }]],
    ]);
    const { reader } = recordReader(clock, record);
    const results = await all(
      reconcilePayments(reader, { payments: [payment(5, "1"), payment(5, "2")], judge, clock }),
    );
    expect(results.map((r) => [r.payment.invoiceNumber, r.state])).toEqual([
      ["1", "paid"],
      ["2", "not_found"],
    ]);
    expect(results[1]).not.toHaveProperty("invoice");
  });

  it("matches by invoiceHotelUrl when the record has no invoiceNumber, else by invoiceId; never across companies", async () => {
    const clock = fakeClock();
    const url = "https://invoices.example/view/1";
    const record = new Map([
      [
        "5/P1",
        [
          {
            companyCode: "C1",
            invoiceId: "1",
            invoiceHotelUrl: url,
            invoiceAmount: 295,
            paidAmount: 295,
          },
          { companyCode: "C1", invoiceId: "9", invoiceAmount: 10, paidAmount: 10 },
          { companyCode: "other", invoiceId: "8", invoiceAmount: 10, paidAmount: 10 },
        ],
      ],
    ]);
    const { reader } = recordReader(clock, record);
    const results = await all(
      reconcilePayments(reader, {
        payments: [payment(5, "9001", { invoiceHotelUrl: url }), payment(5, "9"), payment(5, "8")],
        judge,
        clock,
      }),
    );
    expect(results.map((r) => r.state)).toEqual(["paid", "paid", "not_found"]);
    expect(results[0]!.invoice).toMatchObject({ invoiceId: "1" });
  });

  it("a matcher of the merchant's own replaces the default", async () => {
    const clock = fakeClock();
    const record = new Map([
      ["5/P1", [{ companyCode: "x", ref: "A-1", invoiceAmount: 1, paidAmount: 1 }]],
    ]);
    const { reader } = recordReader(clock, record);
    const results = await all(
      reconcilePayments(reader, {
        payments: [payment(5, "A-1")],
        judge,
        clock,
        match: (invoice, p) => invoice.ref === p.invoiceNumber,
      }),
    );
    expect(results[0]!.state).toBe("paid");
  });

  it("resumes from a checkpoint: a group cut short is read again, finished groups never", async () => {
    const clock = fakeClock();
    const payments = [payment(1, "a"), payment(2, "b"), payment(2, "c"), payment(3, "d")];
    const { reader, calls } = recordReader(clock, new Map());
    let checkpoint = "";
    for await (const result of reconcilePayments(reader, { payments, judge, clock })) {
      checkpoint = result.checkpoint;
      if (result.payment.invoiceNumber === "b") break; // a crash inside customer 2's group
    }
    expect(checkpoint).toBe("1/P1");
    const rest = await all(reconcilePayments(reader, { payments, judge, clock, checkpoint }));
    expect(rest.map((r) => r.payment.invoiceNumber)).toEqual(["b", "c", "d"]);
    expect(calls.map((c) => c.customerNumber)).toEqual([1, 2, 2, 3]);
    // New payments before the checkpoint (a list that changed) are not read again in this pass.
    const later = await all(
      reconcilePayments(reader, {
        payments: [payment(1, "z"), ...payments],
        judge,
        clock,
        checkpoint: rest.at(-1)!.checkpoint,
      }),
    );
    expect(later).toEqual([]);
  });

  it("the key grants once per invoice, whoever started it", () => {
    expect(paymentKey(payment(1, "9001"))).toBe(paymentKey(payment(2, "9001", { startedAt: 0 })));
    expect(paymentKey(payment(1, "9001"))).not.toBe(paymentKey(payment(1, "9002")));
  });

  it.each([
    [{ payments: [payment(0, "1")] }, "payments[0].customerNumber"],
    [{ payments: [payment(1, "")] }, "payments[0].invoiceNumber"],
    [{ payments: [payment(1, "1", { startedAt: Number.NaN })] }, "payments[0].startedAt"],
    [{ payments: [payment(1, "1")], share: 0 }, "share"],
    [{ payments: [payment(1, "1")], checkpoint: "nonsense" }, "checkpoint"],
    [{ payments: "all of them" }, "payments"],
  ])("bad input %#: invalid_request naming %s, no call made", async (options, field) => {
    const clock = fakeClock();
    const { reader, calls } = recordReader(clock, new Map());
    const error = await all(
      reconcilePayments(reader, { judge, clock, ...(options as { payments: StartedPayment[] }) }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("invalid_request");
    expect((error as ConnectError).issues?.map((issue) => issue.field)).toContain(field);
    expect(calls).toHaveLength(0);
  });

  it("an aborted signal stops before the next call", async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const { reader, calls } = recordReader(clock, new Map());
    const seen: string[] = [];
    const run = (async () => {
      for await (const result of reconcilePayments(reader, {
        payments: [payment(1, "a"), payment(2, "b")],
        judge,
        clock,
        signal: controller.signal,
      })) {
        seen.push(result.payment.invoiceNumber);
        controller.abort();
      }
    })();
    await expect(run).rejects.toThrow();
    expect(seen).toEqual(["a"]);
    expect(calls).toHaveLength(1);
  });
});
