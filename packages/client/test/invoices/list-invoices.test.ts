// List invoices and List invoice details against a real server on
// 127.0.0.1 that checks every path and query parameter against the spec.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  INVOICE,
  INVOICE_DETAILS_PATH,
  INVOICE_DETAILS_RESPONSE,
  LIST_INVOICES_ERRORS,
  LIST_INVOICES_RESPONSE,
  PRODUCT_CODE,
  listInvoicesPath,
} from "../../../../openapi/fixtures.mjs";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { json, rejectionOf, startServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  let limited = 0;
  server = await startServer({
    list: (_request, res) => json(res, 200, LIST_INVOICES_RESPONSE),
    extra: (_request, res) =>
      json(res, 200, {
        ...LIST_INVOICES_RESPONSE,
        invoices: [{ ...INVOICE, currency: "NOK" }],
        nextPage: null,
      }),
    empty: (_request, res) => json(res, 200, {}),
    badAmount: (_request, res) =>
      json(res, 200, { invoices: [{ ...INVOICE, invoiceAmount: true }] }),
    notObject: (_request, res) => json(res, 200, [LIST_INVOICES_RESPONSE]),
    bad: (_request, res) => json(res, 400, LIST_INVOICES_ERRORS["400"]),
    limitedOnce: (_request, res) =>
      limited++
        ? json(res, 200, LIST_INVOICES_RESPONSE)
        : json(res, 429, {}, { "retry-after": "0" }),
    details: (_request, res) => json(res, 200, INVOICE_DETAILS_RESPONSE),
    noDetails: (_request, res) => json(res, 200, {}),
  });
});
afterAll(() => server.close());

const client = (scenario: string) =>
  createConnectClient({
    baseUrl: server.baseUrl(scenario),
    accessToken: "invoice-token",
    retryDelayMs: () => 0,
  });
const last = () => server.received.at(-1)!;

describe("listInvoices", () => {
  test("sends GET on the product's path with the token, and resolves both lists", async () => {
    const list = await client("list").listInvoices(PRODUCT_CODE);
    expect(list).toEqual(LIST_INVOICES_RESPONSE);
    expect(last()).toMatchObject({
      method: "GET",
      path: listInvoicesPath(PRODUCT_CODE),
      authorization: "Bearer invoice-token",
      valid: true,
    });
  });

  test("unpaid is sent as unpaid=true, false left out; from and to as given", async () => {
    await client("list").listInvoices(PRODUCT_CODE, {
      unpaid: true,
      from: "2019-06-01",
      to: "2019-06-30",
    });
    expect(last().path).toBe(
      `${listInvoicesPath(PRODUCT_CODE)}?unpaid=true&from=2019-06-01&to=2019-06-30`,
    );
    expect(last().valid).toBe(true);
    await client("list").listInvoices(PRODUCT_CODE, { unpaid: false });
    expect(last().path).toBe(listInvoicesPath(PRODUCT_CODE));
  });

  test("fields the spec does not list pass through", async () => {
    const list = await client("extra").listInvoices(PRODUCT_CODE);
    expect(list.invoices[0]).toMatchObject({ currency: "NOK" });
    expect(list).toHaveProperty("nextPage", null);
  });

  test("an answer without lists resolves empty lists", async () => {
    expect(await client("empty").listInvoices(PRODUCT_CODE)).toEqual({
      invoices: [],
      reminders: [],
    });
  });

  test.each([
    ["a from that is no date", { from: "2024-13-45" }, "from", "must be a date as YYYY-MM-DD"],
    ["a day that does not exist", { to: "2023-02-29" }, "to", "must be a date as YYYY-MM-DD"],
    ["a from longer than 10", { from: "2024-01-011" }, "from", "must be at most 10 characters"],
    ["an unpaid that is no boolean", { unpaid: "yes" }, "unpaid", "must be a boolean"],
  ])("%s never leaves the machine", async (_, query, field, message) => {
    const before = server.received.length;
    const error = await rejectionOf(client("list").listInvoices(PRODUCT_CODE, query as never));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ code: "invalid_request", issues: [{ field, message }] });
    expect(server.received.length).toBe(before);
  });

  test("a product code that would change the path is refused before sending", async () => {
    const before = server.received.length;
    for (const productCode of ["", "..", "%2e", "x".repeat(13)]) {
      const error = await rejectionOf(client("list").listInvoices(productCode));
      expect(error, productCode).toMatchObject({ code: "invalid_request" });
    }
    expect(server.received.length).toBe(before);
  });

  test("a field of the wrong type, or no object, is unexpected_response", async () => {
    for (const scenario of ["badAmount", "notObject"]) {
      const error = await rejectionOf(client(scenario).listInvoices(PRODUCT_CODE));
      expect(error, scenario).toMatchObject({ code: "unexpected_response", status: 200 });
    }
  });

  test("a 400 is bad_request with the provider's words; a 429 is retried", async () => {
    const error = await rejectionOf(client("bad").listInvoices(PRODUCT_CODE));
    expect(error).toMatchObject({
      code: "bad_request",
      errorMessage: LIST_INVOICES_ERRORS["400"].errorMessage,
    });
    expect(await client("limitedOnce").listInvoices(PRODUCT_CODE)).toEqual(LIST_INVOICES_RESPONSE);
    expect(server.count("limitedOnce")).toBe(2);
  });
});

describe("getInvoiceDetails", () => {
  const query = {
    companyCode: INVOICE.companyCode,
    invoiceNumber: Number(INVOICE.invoiceNumber),
    reminderNumber: 0,
  };

  test("sends the three query parameters and resolves invoiceInfoWithDetail", async () => {
    const details = await client("details").getInvoiceDetails(query);
    expect(details).toEqual(INVOICE_DETAILS_RESPONSE.invoiceInfoWithDetail);
    expect(last().path).toBe(
      `${INVOICE_DETAILS_PATH}?companyCode=${INVOICE.companyCode}&invoiceNumber=${INVOICE.invoiceNumber}&reminderNumber=0`,
    );
    expect(last().valid).toBe(true);
  });

  test("an invoice number that is no integer, or a missing reminder number, is refused", async () => {
    const before = server.received.length;
    const error = await rejectionOf(
      client("details").getInvoiceDetails({
        ...query,
        invoiceNumber: INVOICE.invoiceNumber as never,
        reminderNumber: undefined as never,
      }),
    );
    expect(error).toMatchObject({
      code: "invalid_request",
      issues: [
        { field: "invoiceNumber", message: "must be an integer" },
        { field: "reminderNumber", message: "is required" },
      ],
    });
    expect(server.received.length).toBe(before);
  });

  test("an answer without invoiceInfoWithDetail is unexpected_response", async () => {
    const error = await rejectionOf(client("noDetails").getInvoiceDetails(query));
    expect(error).toMatchObject({ code: "unexpected_response" });
  });
});
