// List invoices: each test customer's record for the spec's example product,
// with the trigger invoices; `unpaid`, `from` and `to`; without dates only the
// latest invoice (configurable); every answer conforms to the spec, from the
// server and from the msw handlers alike.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxHandlers } from "../../src/msw.js";
import {
  SANDBOX_CUSTOMERS,
  SANDBOX_PRODUCT_TRIGGERS,
  SANDBOX_RECORD_TRIGGERS,
  SANDBOX_TRIGGERS,
  startSandbox,
  type Sandbox,
} from "../../src/index.js";
import { SERVERS, listInvoicesPath } from "../../../../openapi/fixtures.mjs";
import { byNumber, everyInvoice, listInvoices, PRODUCT } from "./helpers.js";

let sandbox: Sandbox;
let everything: Sandbox;
beforeAll(async () => {
  [sandbox, everything] = await Promise.all([
    startSandbox(),
    startSandbox({ invoicesWithoutDates: "all" }),
  ]);
});
afterAll(() => Promise.all([sandbox.close(), everything.close()]));

const paid = (invoice: { invoiceAmount: unknown; paidAmount: unknown }) =>
  Number(invoice.paidAmount) >= Number(invoice.invoiceAmount);

describe("List invoices", () => {
  it.each(SANDBOX_CUSTOMERS.map(({ id }) => id))(
    "%s starts with two unpaid invoices for the example product, one with a reminder",
    async (customer) => {
      const { status, body, problems } = await listInvoices(
        sandbox,
        { unpaid: "true", from: "1970-01-01", to: "2999-12-31" },
        customer,
      );
      expect([status, problems]).toEqual([200, []]);
      const ordinary = body.invoices.filter((invoice) => invoice.sandboxTrigger === undefined);
      expect(ordinary.length).toBeGreaterThanOrEqual(2);
      expect(ordinary.every((invoice) => !paid(invoice))).toBe(true);
      const reminded = new Set(body.reminders.map((r) => String(r.invoiceNumber)));
      expect(ordinary.some((invoice) => reminded.has(String(invoice.invoiceNumber)))).toBe(true);
    },
  );

  it("lists every trigger invoice, named, so a test picks its scenario from the list", async () => {
    const invoices = await everyInvoice(sandbox);
    for (const [name, number] of Object.entries({
      ...SANDBOX_TRIGGERS,
      ...SANDBOX_RECORD_TRIGGERS,
    })) {
      expect(byNumber(invoices, number)?.sandboxTrigger, name).toBe(name);
    }
  });

  it("answers only the latest invoice without dates, as the provider says; all when configured", async () => {
    const latest = await listInvoices(sandbox);
    expect(latest.problems).toEqual([]);
    expect(latest.body.invoices).toHaveLength(1);
    const all = await everyInvoice(sandbox);
    const newest = [...all].sort((a, b) => dayOf(a).localeCompare(dayOf(b))).at(-1);
    expect(latest.body.invoices[0]).toEqual(newest);
    const configured = await listInvoices(everything);
    expect(configured.body.invoices.length).toBe(all.length);
  });

  it("keeps only invoices dated within from and to (epoch-millisecond dates read as days)", async () => {
    const all = await everyInvoice(sandbox);
    const epoch = all.find((invoice) => typeof invoice.invoiceDate === "number")!;
    expect(epoch).toBeDefined();
    const day = dayOf(epoch);
    const within = await listInvoices(sandbox, { from: day, to: day });
    expect(within.problems).toEqual([]);
    expect(within.body.invoices.map((i) => i.invoiceNumber)).toContain(epoch.invoiceNumber);
    expect(within.body.invoices.every((invoice) => dayOf(invoice) === day)).toBe(true);
    const after = await listInvoices(sandbox, { from: "2999-01-01" });
    expect(after.body).toEqual({ invoices: [], reminders: [] });
  });

  it("refuses a date that is not a calendar day with the provider's 400, naming the field", async () => {
    const { status, body, problems } = await listInvoices(sandbox, { from: "2024-13-45" });
    expect([status, problems]).toEqual([400, []]);
    expect(body.errorMessage).toContain("from");
  });

  it("answers the product-code triggers as the Payment section does", async () => {
    const limited = await listInvoices(sandbox, {}, "kari", SANDBOX_PRODUCT_TRIGGERS.rateLimited);
    expect([limited.status, limited.problems]).toEqual([429, []]);
    const empty = await listInvoices(sandbox, {}, "kari", SANDBOX_PRODUCT_TRIGGERS.emptyResponse);
    expect([empty.status, empty.body, empty.problems]).toEqual([200, {}, []]);
  });

  it("logs each request with no issue in the answer", async () => {
    sandbox.reset();
    await listInvoices(sandbox, { unpaid: "true" });
    const [logged] = sandbox.requests();
    expect(logged).toMatchObject({ status: 200, requestIssues: [], responseIssues: [] });
  });
});

describe("List invoices from the msw handlers", () => {
  const handlers = createSandboxHandlers({ apiUrl: SERVERS.test });
  const server = setupServer(...handlers.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "bypass" }));
  afterAll(() => server.close());

  it("answers the first test customer's record, as the server does for a token that names none", async () => {
    const query = "?unpaid=true&from=1970-01-01&to=2999-12-31";
    const mocked = await fetch(`${SERVERS.test}${listInvoicesPath(PRODUCT)}${query}`, {
      headers: { authorization: "Bearer any" },
    });
    const served = await listInvoices(sandbox, {
      unpaid: "true",
      from: "1970-01-01",
      to: "2999-12-31",
    });
    expect(mocked.status).toBe(200);
    expect(await mocked.json()).toEqual(served.body);
  });
});

function dayOf(invoice: { invoiceDate: string | number }): string {
  if (typeof invoice.invoiceDate === "string") return invoice.invoiceDate;
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(invoice.invoiceDate);
}
