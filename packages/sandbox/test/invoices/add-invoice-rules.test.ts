// addInvoice's rules, each named in its own words at its edges, and the
// defaults it fills in (the next number, the due date, the reminder), read
// back through List invoices as a merchant's code would read them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  SANDBOX_CUSTOMERS,
  SandboxControlError,
  startSandbox,
  type Sandbox,
  type SandboxInvoiceInput,
} from "../../src/index.js";
import { byNumber, everyInvoice, listInvoices } from "./helpers.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ paidRecordDelayMs: 0 });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const DAY_MS = 86_400_000;
const CODE_RULE = "must be a string of 1 to 12 characters";
const NUMBER_RULE = "invoiceNumber must be what Pay invoice takes: 1 to 10 characters";

/** The message of the SandboxControlError that adding this invoice throws. */
function refusal(input: SandboxInvoiceInput): string {
  try {
    sandbox.addInvoice(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SandboxControlError);
    return (error as Error).message;
  }
  throw new Error(`addInvoice(${JSON.stringify(input)}) was accepted`);
}

describe("each rule, in its own words", () => {
  it.each([
    ["productCode", ""],
    ["productCode", "x".repeat(13)],
    ["productCode", 5],
    ["companyCode", ""],
    ["companyCode", "9".repeat(13)],
    ["companyCode", null],
  ])("refuses %s %j", (field, value) => {
    expect(refusal({ [field]: value } as SandboxInvoiceInput)).toBe(`${field} ${CODE_RULE}`);
  });

  it("takes codes of 1 and of 12 characters", () => {
    const added = sandbox.addInvoice({ productCode: "p".repeat(12), companyCode: "7" });
    expect(added).toMatchObject({ product: "p".repeat(12), companyCode: "7" });
  });

  it.each([[""], ["12345678901"], [1.5], [Number.MAX_SAFE_INTEGER + 2]])(
    "refuses invoiceNumber %j",
    (invoiceNumber) => {
      expect(refusal({ invoiceNumber } as SandboxInvoiceInput)).toBe(NUMBER_RULE);
    },
  );

  it("writes a whole-number invoiceNumber as a string", () => {
    expect(sandbox.addInvoice({ invoiceNumber: 4711 }).invoiceNumber).toBe("4711");
    expect(sandbox.addInvoice({ invoiceNumber: "1234567890" }).invoiceNumber).toBe("1234567890");
  });

  it("names the test customers when the customer is unknown", () => {
    const ids = SANDBOX_CUSTOMERS.map(({ id }) => id).join(", ");
    expect(refusal({ customer: "nobody" })).toBe(`customer must be one of ${ids}`);
  });

  it("refuses a reminder that is not true or false", () => {
    expect(refusal({ reminder: "yes" } as unknown as SandboxInvoiceInput)).toBe(
      "reminder must be true or false",
    );
  });

  it("joins every problem with a semicolon, in the order of the fields", () => {
    expect(refusal({ productCode: "", invoiceNumber: "", reminder: 1 as never })).toBe(
      `productCode ${CODE_RULE}; ${NUMBER_RULE}; reminder must be true or false`,
    );
  });
});

describe("the defaults", () => {
  it("numbers invoices given no number one after the other", () => {
    const first = Number(sandbox.addInvoice({}).invoiceNumber);
    const second = Number(sandbox.addInvoice({ customer: "sven" }).invoiceNumber);
    const third = Number(sandbox.addInvoice({}).invoiceNumber);
    expect([second - first, third - second]).toEqual([1, 1]);
  });

  it("dates the invoice today in Europe/Oslo, due 14 days later", () => {
    const oslo = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" });
    const before = oslo.format(new Date());
    const added = sandbox.addInvoice({});
    const after = oslo.format(new Date());
    expect([before, after]).toContain(added.invoiceDate);
    const due = new Date(`${String(added.invoiceDate)}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 14);
    expect(added.dueDate).toBe(due.toISOString().slice(0, 10));
  });

  it("puts the due date 14 days after the invoice date, in its style", () => {
    expect(sandbox.addInvoice({ invoiceDate: "2023-12-25" }).dueDate).toBe("2024-01-08");
    expect(sandbox.addInvoice({ invoiceDate: 1700000000000 }).dueDate).toBe(
      1700000000000 + 14 * DAY_MS,
    );
    expect(sandbox.addInvoice({ invoiceDate: "2023-12-25", dueDate: "2023-12-31" }).dueDate).toBe(
      "2023-12-31",
    );
  });

  it("adds reminder 1 for the invoice's own product only when asked", async () => {
    sandbox.addInvoice({ invoiceNumber: "811", productCode: "magazine", reminder: true });
    sandbox.addInvoice({ invoiceNumber: "812", productCode: "magazine", reminder: false });
    const window = { from: "1970-01-01", to: "2999-12-31" };
    const { body } = await listInvoices(sandbox, window, "kari", "magazine");
    expect(body.invoices.map((invoice) => String(invoice.invoiceNumber)).sort()).toEqual([
      "811",
      "812",
    ]);
    expect(body.reminders).toHaveLength(1);
    expect(body.reminders[0]).toMatchObject({
      invoiceNumber: 811,
      product: "magazine",
      reminderNumber: 1,
    });
  });
});

describe("what List invoices answers of the record", () => {
  it("answers one product's invoices, not another's", async () => {
    sandbox.addInvoice({ invoiceNumber: "821", productCode: "magazine" });
    // everyInvoice lists the spec's example product over a wide window.
    expect(byNumber(await everyInvoice(sandbox), "821")).toBeUndefined();
    const window = { from: "1970-01-01", to: "2999-12-31" };
    const { body } = await listInvoices(sandbox, window, "kari", "magazine");
    expect(body.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(["821"]);
  });

  it("reads `from` alone as from that day on, and `to` alone as up to it", async () => {
    sandbox.addInvoice({ invoiceNumber: "831", invoiceDate: "2001-01-10" });
    sandbox.addInvoice({ invoiceNumber: "832", invoiceDate: "2001-01-20" });
    const numbers = async (query: Record<string, string>) =>
      (await listInvoices(sandbox, query)).body.invoices
        .map((invoice) => String(invoice.invoiceNumber))
        .filter((number) => number.startsWith("83"));
    expect(await numbers({ to: "2001-01-15" })).toEqual(["831"]);
    expect(await numbers({ from: "2001-01-15", to: "2001-12-31" })).toEqual(["832"]);
    expect((await numbers({ from: "2001-01-15" })).sort()).toEqual(["832"]);
    expect(await numbers({ from: "2001-01-10", to: "2001-01-10" })).toEqual(["831"]);
  });

  it("without dates, lists the invoice recorded last of those dated the latest day", async () => {
    for (const invoiceNumber of ["841", "842", "843"]) {
      sandbox.addInvoice({ invoiceNumber, productCode: "weekly", invoiceDate: "2040-02-03" });
    }
    sandbox.addInvoice({ invoiceNumber: "844", productCode: "weekly", invoiceDate: "2040-02-02" });
    const { body } = await listInvoices(sandbox, {}, "kari", "weekly");
    expect(body.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(["843"]);
  });

  it("counts what an added invoice has paid already: paid in full is not unpaid, half is", async () => {
    sandbox.addInvoice({ invoiceNumber: "851", invoiceAmount: "120.00", paidAmount: "120.00" });
    sandbox.addInvoice({ invoiceNumber: "852", invoiceAmount: 120, paidAmount: 60 });
    const window = { unpaid: "true", from: "1970-01-01", to: "2999-12-31" };
    const unpaid = (await listInvoices(sandbox, window)).body.invoices.map((invoice) =>
      String(invoice.invoiceNumber),
    );
    expect(unpaid).not.toContain("851");
    expect(unpaid).toContain("852");
  });
});
