// The two client-mode calls against a real server on 127.0.0.1 that checks
// every path and query parameter against the spec: both answer forms of the
// all-products list, validation before sending, a 404 of its own, and a 401
// that names the token client mode takes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  CLIENT_INVOICE,
  CLIENT_INVOICES_RESPONSE,
  PRODUCT_CODE,
  clientInvoicesPath,
} from "../../../../openapi/fixtures.mjs";
import { ConnectError, createConnectClient, readInvoice } from "../../src/index.js";
import { json, rejectionOf, startServer, type TestServer } from "../helpers/server.js";

const CUSTOMER = CLIENT_INVOICE.customerNumber;
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    list: (_request, res) => json(res, 200, CLIENT_INVOICES_RESPONSE),
    asArray: (_request, res) => json(res, 200, CLIENT_INVOICES_RESPONSE.clientInvoiceInfoList),
    empty: (_request, res) => json(res, 200, {}),
    brokenLine: (_request, res) =>
      json(res, 200, { clientInvoiceInfoList: [{ ...CLIENT_INVOICE, desc: ["ok", 7] }] }),
    missing: (_request, res) => json(res, 404, {}),
    customerToken: (_request, res) =>
      json(res, 401, { error: "invalid_token", error_description: "a customer's token" }),
  });
});
afterAll(() => server.close());

const backOffice = (scenario: string) =>
  createConnectClient({
    baseUrl: server.baseUrl(scenario),
    accessToken: "merchant-token",
    retryDelayMs: () => 0,
  });
const last = () => server.received.at(-1)!;

describe("listClientInvoicesForProduct", () => {
  test("GETs the customer's and product's path with the query, and resolves the list", async () => {
    const invoices = await backOffice("list").listClientInvoicesForProduct(CUSTOMER, PRODUCT_CODE, {
      from: "2019-02-01",
      to: "2019-11-30",
    });
    expect(invoices).toEqual(CLIENT_INVOICES_RESPONSE.clientInvoiceInfoList);
    expect(last()).toMatchObject({
      method: "GET",
      path: `${clientInvoicesPath(CUSTOMER, PRODUCT_CODE)}?from=2019-02-01&to=2019-11-30`,
      authorization: "Bearer merchant-token",
      valid: true,
    });
  });

  test("readInvoice reads a client-mode invoice: numeric amounts, epoch-ms dates", async () => {
    const [invoice] = await backOffice("list").listClientInvoicesForProduct(CUSTOMER, PRODUCT_CODE);
    const reading = readInvoice(invoice!);
    expect(reading.invoicedMinor).toBe(Math.round(CLIENT_INVOICE.invoiceAmount * 100));
    expect(reading.state).toBe(CLIENT_INVOICE.paidAmount ? "paid" : "unpaid");
    expect(reading.dueDate).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  test.each([
    [0, PRODUCT_CODE, {}, "customerNumber"],
    [1.5, PRODUCT_CODE, {}, "customerNumber"],
    [CUSTOMER, "", {}, "productCode"],
    [CUSTOMER, "..", {}, "productCode"],
    [CUSTOMER, PRODUCT_CODE, { from: "2024-13-45" }, "from"],
  ])(
    "customer %s, product %j, query %j: invalid_request naming %s, nothing sent",
    async (customer, product, query, field) => {
      const before = server.received.length;
      const error = (await rejectionOf(
        backOffice("list").listClientInvoicesForProduct(customer, product, query),
      )) as ConnectError;
      expect(error.code).toBe("invalid_request");
      expect(error.issues?.map((issue) => issue.field)).toContain(field);
      expect(server.received.length).toBe(before);
    },
  );

  test("an answer that breaks the spec (a line of desc that is no string) is unexpected_response", async () => {
    const error = (await rejectionOf(
      backOffice("brokenLine").listClientInvoicesForProduct(CUSTOMER, PRODUCT_CODE),
    )) as ConnectError;
    expect(error.code).toBe("unexpected_response");
  });

  test("a 404 is not_found", async () => {
    const error = (await rejectionOf(
      backOffice("missing").listClientInvoicesForProduct(CUSTOMER, PRODUCT_CODE),
    )) as ConnectError;
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
  });

  test("a 401 names the token client mode takes, and keeps the provider's words and the status", async () => {
    const error = (await rejectionOf(
      backOffice("customerToken").listClientInvoicesForProduct(CUSTOMER, PRODUCT_CODE),
    )) as ConnectError;
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.code).toBe("unauthorized");
    expect(error.status).toBe(401);
    expect(error.oauthError).toBe("invalid_token");
    expect(error.message).toContain("merchant's own token");
    expect(error.message).not.toContain("merchant-token");
    expect(error.cause).toBeInstanceOf(ConnectError);
  });
});

describe("listClientInvoices (every product)", () => {
  test.each(["list", "asArray"])("the answer as %s resolves the same list", async (scenario) => {
    const invoices = await backOffice(scenario).listClientInvoices(CUSTOMER);
    expect(invoices).toEqual(CLIENT_INVOICES_RESPONSE.clientInvoiceInfoList);
    expect(last()).toMatchObject({ path: clientInvoicesPath(CUSTOMER), valid: true });
  });

  test("an answer with no list is an empty list", async () => {
    expect(await backOffice("empty").listClientInvoices(CUSTOMER)).toEqual([]);
  });
});
