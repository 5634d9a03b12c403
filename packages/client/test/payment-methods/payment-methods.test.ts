// List payment methods and Change payment method against a real server on
// 127.0.0.1 that checks every request against the spec.
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  CHANGE_PAYMENT_METHOD_RESPONSE,
  LIST_PAYMENT_METHODS_RESPONSE,
  PAY_INVOICE_REQUEST,
  PAYMENT_CHANGE_ID,
  PAYMENT_METHOD_ERRORS,
  PRODUCT_CODE,
  paymentMethodPath,
} from "../../../../openapi/fixtures.mjs";
import {
  ConnectError,
  createConnectClient,
  PAYMENT_CHANGE_METHODS,
  unlistedPaymentMethod,
  type ChangePaymentMethodInput,
} from "../../src/index.js";
import { closedPort, json, rejectionOf, startServer, type TestServer } from "../helpers/server.js";

const body = CHANGE_PAYMENT_METHOD_REQUEST as ChangePaymentMethodInput;
let server: TestServer;
beforeAll(async () => {
  let limited = 0;
  server = await startServer({
    list: (_request, res) => json(res, 200, LIST_PAYMENT_METHODS_RESPONSE),
    unknown: (_request, res) =>
      json(res, 200, {
        paymentMethodResponseItems: [
          { paymentMethod: "aMethodAddedLater", isActive: "N", since: "2027" },
        ],
      }),
    empty: (_request, res) => json(res, 200, {}),
    badItems: (_request, res) =>
      json(res, 200, { paymentMethodResponseItems: [{ paymentMethod: 7 }, "x"] }),
    notArray: (_request, res) => json(res, 200, { paymentMethodResponseItems: "none" }),
    change: (_request, res) => json(res, 200, CHANGE_PAYMENT_METHOD_RESPONSE),
    noId: (_request, res) => json(res, 200, {}),
    hugeId: (_request, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"paymentChangeId": 9007199254740993}');
    },
    notJson: (_request, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>maintenance</html>");
    },
    status400: (_request, res) => json(res, 400, PAYMENT_METHOD_ERRORS["400"]),
    status401: (_request, res) => json(res, 401, { error: "invalid_token" }),
    status500: (_request, res) => json(res, 500, {}),
    limitedOnce: (_request, res) =>
      limited++ === 0
        ? json(res, 429, {}, { "retry-after": "0" })
        : json(res, 200, CHANGE_PAYMENT_METHOD_RESPONSE),
    reset: (_request, res) => void res.destroy(),
  });
});
afterAll(() => server.close());

const clientFor = (scenario: string, accessToken = "tok") =>
  createConnectClient({ baseUrl: server.baseUrl(scenario), accessToken, retryDelayMs: () => 0 });
const last = (scenario: string) => server.received.filter((r) => r.scenario === scenario).at(-1);

test("listPaymentMethods sends a GET with the token and resolves to the items", async () => {
  await expect(clientFor("list").listPaymentMethods(PRODUCT_CODE)).resolves.toEqual(
    LIST_PAYMENT_METHODS_RESPONSE.paymentMethodResponseItems,
  );
  const request = last("list");
  expect(request?.valid).toBe(true);
  expect(request?.method).toBe("GET");
  expect(request?.path).toBe(paymentMethodPath(PRODUCT_CODE));
  expect(request?.authorization).toBe("Bearer tok");
});

test("an unknown paymentMethod (and any extra field) passes through", async () => {
  await expect(clientFor("unknown").listPaymentMethods(PRODUCT_CODE)).resolves.toEqual([
    { paymentMethod: "aMethodAddedLater", isActive: "N", since: "2027" },
  ]);
});

test("a response without items resolves to an empty list", async () => {
  await expect(clientFor("empty").listPaymentMethods(PRODUCT_CODE)).resolves.toEqual([]);
});

test.each(["badItems", "notArray", "notJson"])(
  "a list response that breaks the spec (%s) is unexpected_response",
  async (scenario) => {
    const error = await rejectionOf(clientFor(scenario).listPaymentMethods(PRODUCT_CODE));
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("unexpected_response");
  },
);

test("the product code is percent-encoded into one path segment", async () => {
  await clientFor("list").listPaymentMethods("A/B?c");
  expect(last("list")?.path).toBe(paymentMethodPath("A%2FB%3Fc"));
});

test("a product code over 12 characters is invalid_request, and nothing is sent", async () => {
  const before = server.received.length;
  const error = await rejectionOf(clientFor("list").listPaymentMethods("1234567890123"));
  expect((error as ConnectError).code).toBe("invalid_request");
  expect((error as ConnectError).issues).toEqual([
    { field: "productCode", message: "must be at most 12 characters" },
  ]);
  await expect(clientFor("list").listPaymentMethods(42 as unknown as string)).rejects.toMatchObject(
    { code: "invalid_request" },
  );
  expect(server.received.length).toBe(before);
});

test("changePaymentMethod POSTs the spec's body and resolves to the paymentChangeId", async () => {
  await expect(clientFor("change").changePaymentMethod(PRODUCT_CODE, body)).resolves.toEqual({
    paymentChangeId: PAYMENT_CHANGE_ID,
  });
  const request = last("change");
  expect(request?.valid).toBe(true);
  expect(request?.method).toBe("POST");
  expect(request?.path).toBe(paymentMethodPath(PRODUCT_CODE));
  expect(request?.body).toEqual({ paymentMethod: PAYMENT_CHANGE_METHODS[0] });
  expect(request?.headers["content-type"]).toBe("application/json");
});

test("an empty product code and an unknown method are both named, and nothing is sent", async () => {
  const before = server.received.length;
  const error = await rejectionOf(
    clientFor("change").changePaymentMethod("", {
      paymentMethod: "recurringPayexCard" as never,
    }),
  );
  expect((error as ConnectError).code).toBe("invalid_request");
  expect((error as ConnectError).issues).toEqual([
    { field: "productCode", message: "must be at least 1 characters" },
    { field: "paymentMethod", message: `must be one of ${PAYMENT_CHANGE_METHODS.join(", ")}` },
  ]);
  expect(server.received.length).toBe(before);
});

test("unlistedPaymentMethod sends a method the SDK does not list, as given", async () => {
  // The test server checks the spec's enum, so it refuses (418) what the provider might accept.
  const error = await rejectionOf(
    clientFor("change").changePaymentMethod(PRODUCT_CODE, {
      paymentMethod: unlistedPaymentMethod("vippsRecurring"),
    }),
  );
  expect(last("change")?.body).toEqual({ paymentMethod: "vippsRecurring" });
  expect((error as ConnectError).status).toBe(418);
  // Still a non-empty string:
  await expect(
    clientFor("change").changePaymentMethod(PRODUCT_CODE, {
      paymentMethod: unlistedPaymentMethod(""),
    }),
  ).rejects.toMatchObject({
    code: "invalid_request",
    issues: [{ field: "paymentMethod", message: "must be at least 1 characters" }],
  });
});

test.each([
  ["noId", "unexpected_response"],
  ["hugeId", "unexpected_response"],
  ["notJson", "unexpected_response"],
  ["status400", "bad_request"],
  ["status401", "unauthorized"],
  ["status500", "server_error"],
])("a change answered by %s is %s, tried once", async (scenario, code) => {
  const before = server.count(scenario);
  const error = await rejectionOf(clientFor(scenario).changePaymentMethod(PRODUCT_CODE, body));
  expect((error as ConnectError).code).toBe(code);
  expect(server.count(scenario) - before).toBe(1);
});

test("a change is retried after a 429, never after a lost connection", async () => {
  await expect(clientFor("limitedOnce").changePaymentMethod(PRODUCT_CODE, body)).resolves.toEqual({
    paymentChangeId: PAYMENT_CHANGE_ID,
  });
  expect(server.count("limitedOnce")).toBe(2);
  const error = await rejectionOf(clientFor("reset").changePaymentMethod(PRODUCT_CODE, body));
  expect((error as ConnectError).code).toBe("network");
  expect(server.count("reset")).toBe(1);
});

test("a request never sent is retried, for both calls", async () => {
  const port = await closedPort();
  let tokens = 0;
  const client = createConnectClient({
    baseUrl: `http://127.0.0.1:${port}`,
    accessToken: () => `t${++tokens}`,
    retryDelayMs: () => 0,
    maxRetries: 1,
  });
  await expect(client.listPaymentMethods(PRODUCT_CODE)).rejects.toMatchObject({ code: "network" });
  await expect(client.changePaymentMethod(PRODUCT_CODE, body)).rejects.toMatchObject({
    code: "network",
  });
  expect(tokens).toBe(2);
});

test("the token never appears in an error", async () => {
  const secret = "secret-token-value-123";
  for (const scenario of ["status400", "status401", "notJson"]) {
    const change = await rejectionOf(
      clientFor(scenario, secret).changePaymentMethod(PRODUCT_CODE, body),
    );
    const list = await rejectionOf(clientFor(scenario, secret).listPaymentMethods(PRODUCT_CODE));
    for (const error of [change, list]) {
      expect(JSON.stringify(error)).not.toContain(secret);
      expect(String((error as Error).stack)).not.toContain(secret);
    }
  }
});

test("a signal aborts both calls", async () => {
  const signal = AbortSignal.abort();
  await expect(
    clientFor("list").listPaymentMethods(PRODUCT_CODE, { signal }),
  ).rejects.toMatchObject({
    code: "aborted",
  });
  await expect(
    clientFor("change").changePaymentMethod(PRODUCT_CODE, body, { signal }),
  ).rejects.toMatchObject({ code: "aborted" });
});

test("payInvoice takes unlistedPaymentMethod too, and still refuses a plain unknown string", async () => {
  const before = server.received.length;
  const { paymentMethod: _, ...invoice } = PAY_INVOICE_REQUEST;
  await expect(
    clientFor("change").payInvoice({ ...invoice, paymentMethod: "cash" as never }),
  ).rejects.toMatchObject({ code: "invalid_request" });
  expect(server.received.length).toBe(before);
  await rejectionOf(
    clientFor("change").payInvoice({ ...invoice, paymentMethod: unlistedPaymentMethod("klarna") }),
  );
  expect(server.received.at(-1)?.body).toEqual({ ...invoice, paymentMethod: "klarna" });
});
