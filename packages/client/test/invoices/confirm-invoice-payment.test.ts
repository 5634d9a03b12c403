// confirmInvoicePayment: the provider's record decides, read from the whole
// list in a wide date window, asked again with backoff while it says unpaid.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { INVOICE, PAY_INVOICE_REQUEST, listInvoicesPath } from "../../../../openapi/fixtures.mjs";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { json, rejectionOf, startServer, type TestServer } from "../helpers/server.js";

// The invoice Pay invoice was called with, and its record as the list answers it.
const paid = { ...INVOICE, paidAmount: Number(INVOICE.invoiceAmount) };
const unpaid = { ...INVOICE, paidAmount: 0 };
const wanted = {
  productCode: INVOICE.product,
  companyCode: INVOICE.companyCode,
  invoiceNumber: INVOICE.invoiceNumber,
};
const other = { ...paid, invoiceNumber: `${INVOICE.invoiceNumber}1` };

let server: TestServer;
beforeAll(async () => {
  const counts: Record<string, number> = {};
  const nth = (scenario: string) => (counts[scenario] = (counts[scenario] ?? 0) + 1);
  const list = (...invoices: object[]) => ({ invoices, reminders: [] });
  server = await startServer({
    paid: (_r, res) => json(res, 200, list(other, paid)),
    unpaid: (_r, res) => json(res, 200, list(unpaid)),
    partly: (_r, res) => json(res, 200, list({ ...INVOICE, paidAmount: 1 })),
    absent: (_r, res) => json(res, 200, list(other)),
    integerNumber: (_r, res) =>
      json(res, 200, list({ ...paid, invoiceNumber: Number(INVOICE.invoiceNumber) })),
    otherCompany: (_r, res) => json(res, 200, list({ ...paid, companyCode: "1" })),
    unreadable: (_r, res) => json(res, 200, list({ ...paid, invoiceAmount: "295,00" })),
    lagging: (_r, res) => json(res, 200, list(nth("lagging") > 2 ? paid : unpaid)),
    limitedOnce: (_r, res) =>
      nth("limitedOnce") > 1
        ? json(res, 200, list(paid))
        : json(res, 429, {}, { "retry-after": "0" }),
  });
});
afterAll(() => server.close());

const client = (scenario: string) =>
  createConnectClient({ baseUrl: server.baseUrl(scenario), accessToken: "confirm-token" });

describe("reads the record", () => {
  test("paid only when the paid amount reaches the invoiced amount", async () => {
    const result = await client("paid").confirmInvoicePayment(wanted);
    expect(result.state).toBe("paid");
    expect(result.invoice).toMatchObject({ invoiceNumber: INVOICE.invoiceNumber, state: "paid" });
  });

  test("asks for the whole list (no unpaid filter) in a date window that holds the invoice", async () => {
    await client("paid").confirmInvoicePayment(wanted);
    const request = server.received.at(-1)!;
    expect(request.valid).toBe(true);
    const url = new URL(request.path, "http://x");
    expect(url.pathname).toBe(listInvoicesPath(INVOICE.product));
    expect(url.searchParams.has("unpaid")).toBe(false);
    const from = url.searchParams.get("from")!;
    const to = url.searchParams.get("to")!;
    const today = new Date().toISOString().slice(0, 10);
    expect(from < today && today < to).toBe(true);
    // At least two years back, at least one ahead: the invoice paid today is inside.
    expect(Date.parse(from)).toBeLessThanOrEqual(Date.now() - 2 * 365 * 86_400_000);
    expect(Date.parse(to)).toBeGreaterThanOrEqual(Date.now() + 300 * 86_400_000);
  });

  test("a window of the caller's own is sent as given", async () => {
    await client("paid").confirmInvoicePayment(wanted, { from: "2019-01-01", to: "2019-12-31" });
    expect(server.received.at(-1)!.path).toContain("?from=2019-01-01&to=2019-12-31");
  });

  test("an invoice the record does not hold is not_found, never paid", async () => {
    expect(await client("absent").confirmInvoicePayment(wanted)).toEqual({ state: "not_found" });
    expect(await client("otherCompany").confirmInvoicePayment(wanted)).toEqual({
      state: "not_found",
    });
  });

  test("an invoice number answered as an integer is still the invoice", async () => {
    expect((await client("integerNumber").confirmInvoicePayment(wanted)).state).toBe("paid");
  });

  test("partly paid and unknown are said as such, not as paid", async () => {
    expect((await client("partly").confirmInvoicePayment(wanted)).state).toBe("partly_paid");
    expect((await client("unreadable").confirmInvoicePayment(wanted)).state).toBe("unknown");
  });

  test("a record that lags is asked again until it says paid", async () => {
    const result = await client("lagging").confirmInvoicePayment(wanted, { waitMs: 60_000 });
    expect(result.state).toBe("paid");
    expect(server.count("lagging")).toBe(3);
  });

  test("a 429 waits as the other calls do", async () => {
    expect((await client("limitedOnce").confirmInvoicePayment(wanted)).state).toBe("paid");
    expect(server.count("limitedOnce")).toBe(2);
  });

  test("without waitMs, one reading: unpaid", async () => {
    const before = server.count("unpaid");
    expect((await client("unpaid").confirmInvoicePayment(wanted)).state).toBe("unpaid");
    expect(server.count("unpaid") - before).toBe(1);
  });
});

describe("checks before sending", () => {
  test.each([
    [
      "an invoice number longer than Pay invoice takes",
      { ...wanted, invoiceNumber: "12345678901" },
      {},
      "invoiceNumber",
    ],
    ["no company code", { ...wanted, companyCode: undefined }, {}, "companyCode"],
    ["a negative waitMs", wanted, { waitMs: -1 }, "waitMs"],
    ["a from that is no date", wanted, { from: "2024-13-45" }, "from"],
  ])("%s", async (_, input, options, field) => {
    const before = server.received.length;
    const error = await rejectionOf(client("paid").confirmInvoicePayment(input as never, options));
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).issues?.map((issue) => issue.field)).toEqual([field]);
    expect(server.received.length).toBe(before);
  });

  test("takes Pay invoice's own fields", () => {
    expect(Object.keys(wanted).sort()).toEqual(
      Object.keys(PAY_INVOICE_REQUEST)
        .filter((key) => key !== "paymentMethod")
        .sort(),
    );
  });
});

describe("backoff, on a fake clock", () => {
  afterEach(() => vi.useRealTimers());
  const answer = () =>
    new Response(JSON.stringify({ invoices: [unpaid] }), {
      headers: { "content-type": "application/json" },
    });

  test("asks at 0, 500 ms, 1.5 s and at waitMs, never after it", async () => {
    vi.useFakeTimers();
    const times: number[] = [];
    const start = Date.now();
    const fetch = vi.fn(async () => {
      times.push(Date.now() - start);
      return answer();
    });
    const confirming = createConnectClient({ accessToken: "t", fetch }).confirmInvoicePayment(
      wanted,
      { waitMs: 2_000 },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await confirming).state).toBe("unpaid");
    expect(times).toEqual([0, 500, 1_500, 2_000]);
  });

  test("an abort while waiting ends the call with aborted", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const fetch = vi.fn(async () => answer());
    const confirming = createConnectClient({ accessToken: "t", fetch }).confirmInvoicePayment(
      wanted,
      { waitMs: 60_000, signal: controller.signal },
    );
    const settled = rejectionOf(confirming);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await settled).toMatchObject({ code: "aborted" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
