// A path parameter is one path segment, whatever its value: a value that URL
// resolution would turn into another path (`.`, `..`, or an encoding of them)
// is refused before anything is sent, by the client and by the raw client,
// against a real server on 127.0.0.1 that answers every path it is sent.
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  CHANGE_PAYMENT_METHOD_RESPONSE,
  LIST_PAYMENT_METHODS_RESPONSE,
  PAYMENT_METHOD_PATH,
  PRODUCT_CODE,
} from "../../../../openapi/fixtures.mjs";
import { LIST_PAYMENT_METHODS_PATH } from "../../src/generated/spec.js";
import { ConnectError, type ChangePaymentMethodInput } from "../../src/index.js";
import { json, rejectionOf, startServer, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

let server: TestServer;
beforeAll(async () => {
  // Answers 200 to anything, so a request that reached it would resolve.
  const ok = (_request: unknown, res: Parameters<typeof json>[0]) =>
    json(res, 200, { ...LIST_PAYMENT_METHODS_RESPONSE, ...CHANGE_PAYMENT_METHOD_RESPONSE });
  server = await startServer({ any: ok });
});
afterAll(() => server.close());

const client = () =>
  connectWithRaw({ baseUrl: server.baseUrl("any"), accessToken: "tok", retryDelayMs: () => 0 });
const body = CHANGE_PAYMENT_METHOD_REQUEST as ChangePaymentMethodInput;

// Each is a dot segment to a URL parser once sent (directly, or after one more decoding).
const PATH_CHANGERS = [".", "..", "%2e", "%2E%2e", ".%2e", "%2e.", "%252e%252e"];

test.each(PATH_CHANGERS)(
  "listPaymentMethods(%j) is refused, naming the field; nothing is sent",
  async (code) => {
    const before = server.received.length;
    const error = (await rejectionOf(client().listPaymentMethods(code))) as ConnectError;
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.code).toBe("invalid_request");
    expect(error.issues).toEqual([
      { field: "productCode", message: expect.stringMatching(/must not be "\." or "\.\."/) },
    ]);
    expect(error.message).toMatch(/productCode must not be/);
    expect(server.received.length).toBe(before);
  },
);

test.each(PATH_CHANGERS)(
  "changePaymentMethod(%j) is refused before the token is posted anywhere",
  async (code) => {
    const before = server.received.length;
    const error = (await rejectionOf(client().changePaymentMethod(code, body))) as ConnectError;
    expect(error.code).toBe("invalid_request");
    expect(error.issues?.map((issue) => issue.field)).toEqual(["productCode"]);
    expect(server.received.length).toBe(before);
  },
);

test.each(PATH_CHANGERS)("the raw client refuses productCode %j too", async (code) => {
  const before = server.received.length;
  const raw = client().raw;
  const get = raw.GET(LIST_PAYMENT_METHODS_PATH, {
    params: { path: { productCode: code } },
  });
  const error = (await rejectionOf(get)) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.code).toBe("invalid_request");
  expect(error.issues?.map((issue) => issue.field)).toEqual(["productCode"]);
  expect(server.received.length).toBe(before);
});

test("an empty product code is refused by listPaymentMethods, as the spec's minLength says", async () => {
  const before = server.received.length;
  await expect(client().listPaymentMethods("")).rejects.toMatchObject({
    code: "invalid_request",
    issues: [{ field: "productCode", message: "must be at least 1 characters" }],
  });
  expect(server.received.length).toBe(before);
});

test("a product code with dots inside a longer value is one segment, sent as given", async () => {
  await expect(client().listPaymentMethods("a..b")).resolves.toEqual(
    LIST_PAYMENT_METHODS_RESPONSE.paymentMethodResponseItems,
  );
  expect(server.received.at(-1)?.path).toBe(PAYMENT_METHOD_PATH.replace("{productCode}", "a..b"));
  await expect(client().listPaymentMethods(PRODUCT_CODE)).resolves.toBeDefined();
});

test("the raw client refuses an empty path parameter, which would ask for another path", async () => {
  const before = server.received.length;
  const get = client().raw.GET(LIST_PAYMENT_METHODS_PATH, {
    params: { path: { productCode: "" } },
  });
  await expect(get).rejects.toMatchObject({
    code: "invalid_request",
    issues: [{ field: "productCode", message: "must not be empty: it would change the path" }],
  });
  expect(server.received.length).toBe(before);
});
