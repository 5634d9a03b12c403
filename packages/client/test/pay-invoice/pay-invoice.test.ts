import { afterAll, beforeAll, expect, test } from "vitest";
import {
  PAY_INVOICE_PATH,
  PAY_INVOICE_RESPONSE,
  TRANSACTION_ID,
} from "../../../../openapi/fixtures.mjs";
import { createConnectClient, ConnectError, PAYMENT_METHODS, SERVERS } from "../../src/index.js";
import { json, startServer, validBody, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    ok: (request, res) => json(res, 200, PAY_INVOICE_RESPONSE),
    echo: (request, res) =>
      json(res, 200, {
        success: true,
        transactionId: Number(request.authorization?.split("-")[1]),
      }),
  });
});
afterAll(() => server.close());

test("resolves to the transactionId and sends exactly what the spec describes", async () => {
  const client = createConnectClient({ baseUrl: server.baseUrl("ok"), accessToken: "tok" });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: TRANSACTION_ID });
  const [request] = server.received.filter((r) => r.scenario === "ok");
  expect(request?.valid).toBe(true);
  expect(request?.method).toBe("POST");
  expect(request?.body).toEqual(validBody);
  expect(request?.headers["content-type"]).toBe("application/json");
});

test("Authorization is exactly `Bearer <token>`", async () => {
  const client = createConnectClient({ baseUrl: server.baseUrl("ok"), accessToken: "abc.def-ghi" });
  await client.payInvoice(validBody);
  expect(server.received.at(-1)?.authorization).toBe("Bearer abc.def-ghi");
});

test("the token function is awaited once per call, so each call gets a fresh token", async () => {
  let calls = 0;
  const client = createConnectClient({
    baseUrl: server.baseUrl("echo"),
    accessToken: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `token-${++calls}`;
    },
  });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 1 });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 2 });
  expect(calls).toBe(2);
  expect(server.received.filter((r) => r.scenario === "echo").map((r) => r.authorization)).toEqual([
    "Bearer token-1",
    "Bearer token-2",
  ]);
});

test("every payment method from the spec is accepted", async () => {
  const client = createConnectClient({ baseUrl: server.baseUrl("ok"), accessToken: "tok" });
  for (const paymentMethod of PAYMENT_METHODS) {
    await expect(client.payInvoice({ ...validBody, paymentMethod })).resolves.toEqual({
      transactionId: TRANSACTION_ID,
    });
  }
});

test("extra headers are sent, but never replace the client's Authorization", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("ok"),
    accessToken: "mine",
    headers: { "x-request-id": "r-1", Authorization: "Bearer other" },
  });
  await client.payInvoice(validBody);
  const request = server.received.at(-1);
  expect(request?.headers["x-request-id"]).toBe("r-1");
  expect(request?.authorization).toBe("Bearer mine");
});

test("a trailing slash on baseUrl is fine", async () => {
  const client = createConnectClient({
    baseUrl: `${server.baseUrl("ok")}/`,
    accessToken: "test-token",
  });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: TRANSACTION_ID });
});

test("environment picks the spec's server, and production is the default", async () => {
  const urls: string[] = [];
  const recordingFetch: typeof fetch = async (input) => {
    urls.push(String(input));
    return new Response(JSON.stringify({ success: true, transactionId: 1 }), { status: 200 });
  };
  await createConnectClient({ accessToken: "test-token", fetch: recordingFetch }).payInvoice(
    validBody,
  );
  await createConnectClient({
    accessToken: "test-token",
    fetch: recordingFetch,
    environment: "test",
  }).payInvoice(validBody);
  expect(urls).toEqual([
    `${SERVERS.production}${PAY_INVOICE_PATH}`,
    `${SERVERS.test}${PAY_INVOICE_PATH}`,
  ]);
});

test("errors are ConnectError instances with a name", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("missing"),
    accessToken: "test-token",
  });
  const error = await client.payInvoice(validBody).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectError);
  expect(error).toBeInstanceOf(Error);
  expect((error as ConnectError).name).toBe("ConnectError");
});
