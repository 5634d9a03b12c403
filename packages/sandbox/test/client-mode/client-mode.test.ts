// The two client-mode operations: the same record as user mode, read by
// customer number with the client's own token, in the client-mode shape;
// each mode refuses the other's token; a finished payment shows as paid in
// both. Every answer is checked against the spec by a validator apart from
// the sandbox's own.
import { createConnectClient, ConnectError, readInvoice } from "@connect-payment/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  clientInvoicesPath,
  listInvoicesPath,
  spec,
  validatorAt,
} from "../../../../openapi/fixtures.mjs";
import { SANDBOX_CUSTOMERS, startSandbox, type Sandbox } from "../../src/index.js";
import {
  byNumber,
  everyInvoice,
  FIRST,
  listInvoices,
  payAndChoose,
  PRODUCT,
} from "../invoices/helpers.js";

const WIDE = { from: "1970-01-01", to: "2999-12-31" };
const [kari, ola] = SANDBOX_CUSTOMERS as [
  (typeof SANDBOX_CUSTOMERS)[number],
  (typeof SANDBOX_CUSTOMERS)[number],
];

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ paidRecordDelayMs: 0 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

const escape = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");
const PATHS = Object.keys(spec.paths as unknown as Record<string, unknown>);
const TEMPLATES = {
  forProduct: PATHS.find((p) => p.endsWith("{customerNumber}/{productCode}"))!,
  all: PATHS.find((p) => p.endsWith("/payment/{customerNumber}"))!,
};

/** GET a client-mode path with a token; status, body, and the body's problems under the spec. */
async function clientGet(path: string, token: string, template: string) {
  const response = await fetch(sandbox.apiUrl + path, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as unknown as Record<string, unknown>;
  const pointer = `/paths/${escape(template)}/get/responses/${response.status}/content/application~1json/schema`;
  const declared = spec.paths[template].get.responses[String(response.status)];
  const validate = declared?.content ? validatorAt(pointer) : undefined;
  const problems = !declared
    ? [`${response.status} not declared`]
    : validate && !validate(body)
      ? validate.errors!.map((e) => `${e.instancePath} ${e.message}`)
      : [];
  return { status: response.status, body, problems };
}

const forProduct = (customerNumber: number, token = sandbox.clientToken().accessToken) =>
  clientGet(
    `${clientInvoicesPath(customerNumber, PRODUCT)}?${new URLSearchParams(WIDE)}`,
    token,
    TEMPLATES.forProduct,
  );

interface ClientListed {
  clientInvoiceInfoList: Record<string, unknown>[];
}

describe("client mode", () => {
  it("answers the customer's invoices in the client-mode shape, the record user mode reads", async () => {
    const { status, body, problems } = await forProduct(kari.customerNumber);
    expect(status).toBe(200);
    expect(problems).toEqual([]);
    const clientList = (body as unknown as ClientListed).clientInvoiceInfoList;
    const userList = await everyInvoice(sandbox, "kari");
    expect(clientList).toHaveLength(userList.length);
    for (const user of userList) {
      const client = clientList.find((i) => i.invoiceId === String(user.invoiceNumber))!;
      expect(client, user.invoiceNumber).toBeDefined();
      expect(client.invoiceNumber).toBeUndefined();
      expect(client.customerNumber).toBe(kari.customerNumber);
      expect(client.companyCode).toBe(user.companyCode);
      expect(client.invoiceHotelUrl).toBe(
        (user as unknown as Record<string, unknown>).invoiceHotelUrl,
      );
      expect(typeof client.invoiceAmount).toBe("number");
      expect(typeof client.paidAmount).toBe("number");
      expect(Number.isSafeInteger(client.invoiceDate)).toBe(true);
      expect(Number.isSafeInteger(client.dueDate)).toBe(true);
      // The same invoice read either way: amounts and days agree.
      const read = readInvoice(client);
      const readUser = readInvoice(user as unknown as Record<string, unknown>);
      expect(read.state).toBe(readUser.state);
      for (const field of [
        "companyCode",
        "invoicedMinor",
        "paidMinor",
        "invoiceDate",
        "dueDate",
      ] as const) {
        expect(read[field], field).toBe(readUser[field]);
      }
    }
    expect(sandbox.requests().every((r) => r.responseIssues.length === 0)).toBe(true);
  });

  it("shows each customer their own number's record, on user-mode invoices too", async () => {
    expect(kari.customerNumber).not.toBe(ola.customerNumber);
    const olaUser = await everyInvoice(sandbox, "ola");
    expect(
      olaUser.every(
        (i) => (i as unknown as Record<string, unknown>).customerNumber === ola.customerNumber,
      ),
    ).toBe(true);
    const { body } = await forProduct(ola.customerNumber);
    const list = (body as unknown as ClientListed).clientInvoiceInfoList;
    expect(list.length).toBe(olaUser.length);
    expect(list.every((i) => i.customerNumber === ola.customerNumber)).toBe(true);
  });

  it("lists every product's invoices, and without dates only the latest", async () => {
    sandbox.addInvoice({ customer: "kari", productCode: "OTHER1", invoiceNumber: "8100" });
    const token = sandbox.clientToken().accessToken;
    const all = await clientGet(
      `${clientInvoicesPath(kari.customerNumber)}?${new URLSearchParams(WIDE)}`,
      token,
      TEMPLATES.all,
    );
    expect(all.status).toBe(200);
    expect(all.problems).toEqual([]);
    const ids = (all.body as unknown as ClientListed).clientInvoiceInfoList.map((i) => i.invoiceId);
    expect(ids).toContain("8100");
    expect(ids).toContain(FIRST);
    const latest = await clientGet(
      clientInvoicesPath(kari.customerNumber, PRODUCT),
      token,
      TEMPLATES.forProduct,
    );
    expect((latest.body as unknown as ClientListed).clientInvoiceInfoList).toHaveLength(1);
  });

  it("answers 404 for a customer number no test customer has", async () => {
    const numbers = SANDBOX_CUSTOMERS.map((c) => c.customerNumber);
    const unknown = Math.max(...numbers) + 1000;
    const { status, body, problems } = await forProduct(unknown);
    expect(status).toBe(404);
    expect(problems).toEqual([]);
    // The provider documents no 404 body: the sandbox's names what was not found.
    expect(body).toEqual({
      exceptionType: "CustomerNotFoundException",
      errorMessage: `Customer ${unknown} was not found`,
    });
    const client = createConnectClient({
      baseUrl: sandbox.apiUrl,
      accessToken: sandbox.clientToken().accessToken,
    });
    await expect(client.listClientInvoices(unknown)).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
  });

  it("refuses a customer's token on a client-mode call, naming the token it takes", async () => {
    const { status, body } = await forProduct(
      kari.customerNumber,
      sandbox.signIn("kari").accessToken,
    );
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_token");
    expect(body.error_description).toMatch(/client's own token \(client credentials/);
  });

  it("refuses a client token on a user-mode call, naming the token it takes", async () => {
    const response = await fetch(sandbox.apiUrl + listInvoicesPath(PRODUCT), {
      headers: { authorization: `Bearer ${sandbox.clientToken().accessToken}` },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, string>;
    expect(body.error).toBe("invalid_token");
    expect(body.error_description).toMatch(/a customer's token \(from a login\)/);
    const client = createConnectClient({
      baseUrl: sandbox.apiUrl,
      accessToken: sandbox.clientToken().accessToken,
    });
    const error = await client.listInvoices(PRODUCT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("unauthorized");
  });

  it("shows a payment finished in the browser as paid in both modes", async () => {
    const before = await forProduct(kari.customerNumber);
    const unpaid = (before.body as unknown as ClientListed).clientInvoiceInfoList.find(
      (i) => i.invoiceId === FIRST,
    )!;
    expect(readInvoice(unpaid).state).not.toBe("paid");
    await payAndChoose(sandbox, FIRST, "finished");
    const user = byNumber(await everyInvoice(sandbox, "kari"), FIRST)!;
    expect(readInvoice(user as unknown as Record<string, unknown>).state).toBe("paid");
    const after = await forProduct(kari.customerNumber);
    const paid = (after.body as unknown as ClientListed).clientInvoiceInfoList.find(
      (i) => i.invoiceId === FIRST,
    )!;
    expect(readInvoice(paid).state).toBe("paid");
    expect(paid.paidAmount).toBe(paid.invoiceAmount);
  });
});

describe("client mode's from and to", () => {
  it("answer an old invoice paid within them ('invoices/payments'), not an old unpaid one", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const window = new URLSearchParams({ from: today, to: "2999-12-31" });
    const token = sandbox.clientToken().accessToken;
    const list = async () =>
      (
        (
          await clientGet(
            `${clientInvoicesPath(kari.customerNumber, PRODUCT)}?${window}`,
            token,
            TEMPLATES.forProduct,
          )
        ).body as unknown as ClientListed
      ).clientInvoiceInfoList.map((i) => i.invoiceId);
    // The sample invoice is dated a month ago.
    expect(await list()).not.toContain(FIRST);
    await payAndChoose(sandbox, FIRST, "finished");
    expect(await list()).toContain(FIRST);
    // The customer's own List invoices keeps only invoices dated within them.
    const { body } = await listInvoices(sandbox, Object.fromEntries(window));
    expect(body.invoices.map(({ invoiceNumber }) => String(invoiceNumber))).not.toContain(FIRST);
  });

  it("read `from` alone as from that day on and `to` alone as up to it, for one product or all", async () => {
    sandbox.addInvoice({ invoiceNumber: "841", invoiceDate: "2001-01-10" });
    sandbox.addInvoice({
      invoiceNumber: "842",
      invoiceDate: "2001-01-20",
      productCode: "magazine",
    });
    const token = sandbox.clientToken().accessToken;
    const listed = async (path: string, template: string, query: Record<string, string>) => {
      const { body } = await clientGet(`${path}?${new URLSearchParams(query)}`, token, template);
      return (body as unknown as ClientListed).clientInvoiceInfoList
        .map((invoice) => String(invoice.invoiceId))
        .filter((id) => id.startsWith("84"))
        .sort();
    };
    const all = clientInvoicesPath(kari.customerNumber);
    const one = clientInvoicesPath(kari.customerNumber, PRODUCT);
    expect(await listed(all, TEMPLATES.all, { to: "2001-01-15" })).toEqual(["841"]);
    expect(await listed(all, TEMPLATES.all, { to: "2001-01-31" })).toEqual(["841", "842"]);
    expect(await listed(one, TEMPLATES.forProduct, { to: "2001-01-31" })).toEqual(["841"]);
    expect(await listed(all, TEMPLATES.all, { from: "2001-01-15", to: "2001-01-31" })).toEqual([
      "842",
    ]);
  });
});
