import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ConnectError,
  createConnectClient,
  PAYMENT_METHODS,
  type PayInvoiceRequest,
} from "../../src/index.js";
import { MAX_LENGTHS } from "../../../../openapi/fixtures.mjs";
import { PAY_INVOICE } from "../../src/generated/spec.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    ok: (_, res) => json(res, 200, { success: true, transactionId: 1 }),
  });
});
afterAll(() => server.close());

const client = () =>
  createConnectClient({ baseUrl: server.baseUrl("ok"), accessToken: "test-token" });

async function issuesOf(body: unknown) {
  const before = server.count("ok");
  const error = (await rejectionOf(client().payInvoice(body as PayInvoiceRequest))) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.code).toBe("invalid_request");
  // Rejected on the client: nothing reached the server.
  expect(server.count("ok")).toBe(before);
  return error.issues;
}

const stringFields = ["invoiceNumber", "productCode", "companyCode"] as const;
// The spec's own maxLength, read from the spec; the generated rules must agree.
const maxLengths = MAX_LENGTHS as Record<(typeof stringFields)[number], number>;

describe.each([...stringFields, "paymentMethod" as const])("%s", (field) => {
  const bad: [string, unknown, string][] = [
    ["missing", undefined, "is required"],
    ["a number", Number(validBody.invoiceNumber), "must be a string"],
    ["null", null, "must be a string"],
    ["an object", { value: "x" }, "must be a string"],
    ["an array", ["x"], "must be a string"],
    ["a boolean", true, "must be a string"],
  ];
  test.each(bad)("%s is rejected with an issue naming the field", async (_, value, message) => {
    const body: Record<string, unknown> = { ...validBody, [field]: value };
    if (value === undefined) delete body[field];
    expect(await issuesOf(body)).toEqual([{ field, message }]);
  });
});

describe.each(stringFields)("%s length", (field) => {
  const max = maxLengths[field];
  test("the limit comes from the spec", () => {
    expect(PAY_INVOICE.bodyRules[field].maxLength).toBe(max);
  });
  test("exactly the limit passes; one character more is rejected", async () => {
    await expect(client().payInvoice({ ...validBody, [field]: "9".repeat(max) })).resolves.toEqual({
      transactionId: 1,
    });
    expect(await issuesOf({ ...validBody, [field]: "9".repeat(max + 1) })).toEqual([
      { field, message: `must be at most ${max} characters` },
    ]);
  });
  test("the limit counts Unicode code points: astral characters count once", async () => {
    // "😀" is 2 UTF-16 code units but 1 code point, as JSON Schema's maxLength counts.
    const atLimit = "😀".repeat(max);
    expect(atLimit.length).toBe(2 * max);
    await expect(client().payInvoice({ ...validBody, [field]: atLimit })).resolves.toEqual({
      transactionId: 1,
    });
    expect(server.received.at(-1)?.valid).toBe(true); // the spec's validator agrees
    expect(await issuesOf({ ...validBody, [field]: `${atLimit}😀` })).toEqual([
      { field, message: `must be at most ${max} characters` },
    ]);
  });
  test("an empty string passes, as the spec sets no minLength", async () => {
    await expect(client().payInvoice({ ...validBody, [field]: "" })).resolves.toEqual({
      transactionId: 1,
    });
    expect(server.received.at(-1)?.valid).toBe(true);
  });
});

test("paymentMethod outside the spec's enum is rejected, listing the allowed values", async () => {
  expect(await issuesOf({ ...validBody, paymentMethod: "cash" })).toEqual([
    {
      field: "paymentMethod",
      message: `must be one of ${PAYMENT_METHODS.join(", ")}`,
    },
  ]);
  expect(await issuesOf({ ...validBody, paymentMethod: "" })).toHaveLength(1);
});

test("every broken field is reported, not just the first", async () => {
  const issues = await issuesOf({
    invoiceNumber: "12345678901",
    productCode: 5,
    paymentMethod: "x",
  });
  expect(issues?.map((issue) => issue.field)).toEqual([
    "invoiceNumber",
    "productCode",
    "companyCode",
    "paymentMethod",
  ]);
});

test("the message names every broken field and rule", async () => {
  const error = (await rejectionOf(
    client().payInvoice({ ...validBody, invoiceNumber: 1 } as unknown as PayInvoiceRequest),
  )) as ConnectError;
  expect(error.message).toBe("Invalid Pay invoice request: invoiceNumber must be a string");
});

test.each([
  ["null", null],
  ["undefined", undefined],
  ["a string", "invoice"],
  ["an array", []],
])("a body that is %s reports every field as required", async (_, body) => {
  expect((await issuesOf(body))?.map((issue) => issue.message)).toEqual([
    "is required",
    "is required",
    "is required",
    "is required",
  ]);
});
