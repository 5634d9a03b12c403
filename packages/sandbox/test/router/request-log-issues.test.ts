// What the request log (`sandbox.requests()`) says of each request the router
// refuses or reads, word for word, and the edges of the wire checks: the
// token's scheme, the JSON media type, the nesting limit, a flag given as a
// bare name. A merchant reads these lines to see why their call failed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  listInvoicesPath,
} from "../../../../openapi/fixtures.mjs";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "../../src/index.js";
import { nestedArrays, rawRequest } from "../hostile/helpers.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ paidRecordDelayMs: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const bearer = () => `Bearer ${sandbox.signIn("kari").accessToken}`;
const lastLogged = () => sandbox.requests().at(-1)!;

/** POSTs to Pay invoice with these headers and body; the status and what the log kept. */
async function pay(headers: Record<string, string>, body: string) {
  const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers,
    body,
  });
  await response.arrayBuffer();
  return { status: response.status, logged: lastLogged() };
}
const VALID = JSON.stringify(PAY_INVOICE_REQUEST);

describe("the issues the log records", () => {
  it("a method the operation does not take: 405, and both sides named", async () => {
    const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: "method_not_allowed" });
    expect(lastLogged()).toMatchObject({
      requestIssues: [{ field: "method", message: "must be one of POST" }],
      responseIssues: [{ field: "method", message: "GET is not an operation of the spec" }],
    });
  });

  it("no token, no JSON media type and no JSON: each named, in the log's order", async () => {
    const { status, logged } = await pay({ "content-type": "text/plain" }, "not json");
    expect(status).toBe(401);
    expect(logged.requestIssues).toEqual([
      { field: "body", message: "must be a JSON object" },
      { field: "header Authorization", message: "must be Bearer <access token>" },
      { field: "header Content-Type", message: "must be application/json" },
    ]);
    expect(logged.responseIssues).toEqual([]);
  });

  it("a body on an operation that takes none", async () => {
    const response = await rawRequest(`${sandbox.apiUrl}${listInvoicesPath("CO1")}`, {
      headers: {
        authorization: bearer(),
        "content-type": "application/json",
        "content-length": "2",
      },
      body: "{}",
    });
    // Answered as without the body: the log is where the stray body shows.
    expect(response.status).toBe(200);
    expect(lastLogged().requestIssues).toEqual([{ field: "body", message: "must be empty" }]);
  });

  it("a connection closed without an answer", async () => {
    const body = JSON.stringify({
      ...PAY_INVOICE_REQUEST,
      invoiceNumber: SANDBOX_TRIGGERS.droppedConnection,
    });
    await expect(
      pay({ authorization: bearer(), "content-type": "application/json" }, body),
    ).rejects.toThrow();
    expect(lastLogged()).toMatchObject({
      status: "dropped",
      requestIssues: [],
      responseIssues: [{ field: "connection", message: "closed without a response" }],
    });
  });
});

describe("the wire checks' edges", () => {
  it.each([
    ["bearer in lower case", "bearer", true],
    ["two spaces after Bearer", "Bearer ", true],
    ["text before Bearer", "xBearer", false],
  ])("the scheme: %s", async (_, scheme, accepted) => {
    const token = sandbox.signIn("kari").accessToken;
    const { status, logged } = await pay(
      { authorization: `${scheme} ${token}`, "content-type": "application/json" },
      VALID,
    );
    expect(status).toBe(accepted ? 200 : 401);
    expect(logged.requestIssues).toEqual(
      accepted ? [] : [{ field: "header Authorization", message: "must be Bearer <access token>" }],
    );
  });

  it.each([
    ["application/json ; charset=utf-8", 200],
    ["Application/JSON", 200],
    ["application/jsonx", 415],
    ["text/application/json", 415],
  ])("the media type %s: %s", async (contentType, expected) => {
    const { status, logged } = await pay(
      { authorization: bearer(), "content-type": contentType },
      VALID,
    );
    expect(status).toBe(expected);
    const named = logged.requestIssues.some(({ field }) => field === "header Content-Type");
    expect(named).toBe(expected !== 200);
  });

  it("a body nested 64 deep is read as JSON (and refused by the schema), 65 deep is not", async () => {
    const headers = { authorization: bearer(), "content-type": "application/json" };
    const deep = await pay(headers, nestedArrays(64));
    expect(deep.status).toBe(400);
    expect(deep.logged.requestIssues).toEqual([{ field: "body", message: "must be object" }]);
    const deeper = await pay(headers, nestedArrays(65));
    expect(deeper.status).toBe(400);
    expect(deeper.logged.requestIssues).toEqual([
      { field: "body", message: "must be a JSON object" },
    ]);
  });

  it("a flag given as a bare name or as true is on, as false off, anything else refused", async () => {
    sandbox.addInvoice({
      invoiceNumber: "861",
      productCode: "flags",
      paidAmount: "120.50",
      invoiceAmount: "120.50",
    });
    sandbox.addInvoice({ invoiceNumber: "862", productCode: "flags" });
    const numbers = async (query: string) => {
      const response = await fetch(
        `${sandbox.apiUrl}${listInvoicesPath("flags")}?from=1970-01-01&to=2999-12-31&${query}`,
        { headers: { authorization: bearer() } },
      );
      const body = (await response.json()) as { invoices?: { invoiceNumber: unknown }[] };
      return {
        status: response.status,
        numbers: body.invoices?.map((i) => String(i.invoiceNumber)),
      };
    };
    expect(await numbers("unpaid")).toEqual({ status: 200, numbers: ["862"] });
    expect(await numbers("unpaid=true")).toEqual({ status: 200, numbers: ["862"] });
    expect(await numbers("unpaid=false")).toEqual({ status: 200, numbers: ["861", "862"] });
    expect((await numbers("unpaid=yes")).status).toBe(400);
  });
});
