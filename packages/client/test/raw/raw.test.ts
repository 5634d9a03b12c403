import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, PAY_INVOICE_PATH } from "../../src/index.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

let server: TestServer;
let limitedOnce = false;
beforeAll(async () => {
  server = await startServer({
    ok: (_, res) => json(res, 200, { success: true, transactionId: 77 }),
    bad: (_, res) => json(res, 400, { message: "no such invoice" }),
    hang: () => {},
    "limited-once": (_, res) => {
      if (limitedOnce) return json(res, 200, { success: true, transactionId: 78 });
      limitedOnce = true;
      json(res, 429, {}, { "retry-after": "0" });
    },
  });
});
afterAll(() => server.close());

test("raw.POST returns openapi-fetch's { data, response } with the same auth", async () => {
  const client = connectWithRaw({ baseUrl: server.baseUrl("ok"), accessToken: "raw-token" });
  const { data, error, response } = await client.raw.POST(PAY_INVOICE_PATH, {
    body: validBody,
  });
  expect(error).toBeUndefined();
  expect(data).toEqual({ success: true, transactionId: 77 });
  expect(response.status).toBe(200);
  expect(server.received.at(-1)?.authorization).toBe("Bearer raw-token");
  expect(server.received.at(-1)?.valid).toBe(true);
});

test("raw.POST gives API errors as openapi-fetch's { error }", async () => {
  const client = connectWithRaw({ baseUrl: server.baseUrl("bad"), accessToken: "test-token" });
  const { data, error, response } = await client.raw.POST(PAY_INVOICE_PATH, { body: validBody });
  expect(data).toBeUndefined();
  expect(error).toEqual({ message: "no such invoice" });
  expect(response.status).toBe(400);
});

test("raw calls share the timeout and throw ConnectError for it", async () => {
  const client = connectWithRaw({
    baseUrl: server.baseUrl("hang"),
    accessToken: "test-token",
    timeoutMs: 150,
  });
  const error = await rejectionOf(client.raw.POST(PAY_INVOICE_PATH, { body: validBody }));
  expect(error).toBeInstanceOf(ConnectError);
  expect((error as ConnectError).code).toBe("timeout");
});

test("raw calls share the retry policy for 429", async () => {
  const client = connectWithRaw({
    baseUrl: server.baseUrl("limited-once"),
    accessToken: "test-token",
  });
  const { data } = await client.raw.POST(PAY_INVOICE_PATH, { body: validBody });
  expect(data).toEqual({ success: true, transactionId: 78 });
  expect(server.count("limited-once")).toBe(2);
});

test("raw calls honour the caller's signal as `aborted`", async () => {
  const client = connectWithRaw({
    baseUrl: server.baseUrl("hang"),
    accessToken: "test-token",
  });
  const error = await rejectionOf(
    client.raw.POST(PAY_INVOICE_PATH, { body: validBody, signal: AbortSignal.timeout(50) }),
  );
  expect((error as ConnectError).code).toBe("aborted");
});

test("openapi-fetch middleware can be added to the raw client", async () => {
  const client = connectWithRaw({ baseUrl: server.baseUrl("ok"), accessToken: "test-token" });
  client.raw.use({
    onRequest: ({ request }) => {
      request.headers.set("x-trace", "abc");
      return request;
    },
  });
  await client.raw.POST(PAY_INVOICE_PATH, { body: validBody });
  expect(server.received.at(-1)?.headers["x-trace"]).toBe("abc");
  expect(server.received.at(-1)?.authorization).toBe("Bearer test-token");
});
