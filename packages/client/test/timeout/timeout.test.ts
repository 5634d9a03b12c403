import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { rejectionOf, startServer, validBody, json, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    hang: () => {},
    "stall-body": (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"success":true,'); // headers and half a body, then nothing
    },
    // A chunked response has no Content-Length to refuse; the timeout is what bounds it.
    endless: (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write("x".repeat(1024)), 5);
      res.on("close", () => clearInterval(timer));
    },
    slow: (_, res) => {
      setTimeout(() => json(res, 200, { success: true, transactionId: 9 }), 150);
    },
    limited: (_, res) => json(res, 429, {}, { "retry-after": "5" }),
  });
});
afterAll(() => server.close());

const codeOf = async (promise: Promise<unknown>) =>
  ((await rejectionOf(promise)) as ConnectError).code;

test("a server that never answers hits the timeout, and is not retried", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("hang"),
    accessToken: "test-token",
    // Long enough for the request to arrive on a busy machine.
    timeoutMs: 1_000,
  });
  const started = Date.now();
  expect(await codeOf(client.payInvoice(validBody))).toBe("timeout");
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(server.count("hang")).toBe(1);
});

test("the timeout also covers the body: headers then a stalled body time out", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("stall-body"),
    accessToken: "test-token",
    timeoutMs: 200,
  });
  expect(await codeOf(client.payInvoice(validBody))).toBe("timeout");
  expect(server.count("stall-body")).toBe(1);
});

test("a chunked response that never ends is cut off by the timeout", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("endless"),
    accessToken: "test-token",
    timeoutMs: 200,
  });
  const started = Date.now();
  expect(await codeOf(client.payInvoice(validBody))).toBe("timeout");
  expect(Date.now() - started).toBeLessThan(2000);
  expect(server.count("endless")).toBe(1);
});

test("a response within the timeout succeeds", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("slow"),
    accessToken: "test-token",
    timeoutMs: 2000,
  });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 9 });
});

test("the caller's AbortSignal aborts a request in flight: code aborted, not timeout", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("hang"),
    accessToken: "test-token",
  });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  expect(await codeOf(client.payInvoice(validBody, { signal: controller.signal }))).toBe("aborted");
});

test("an abort with a custom reason is still `aborted`", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("hang"),
    accessToken: "test-token",
  });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("user left")), 50);
  expect(await codeOf(client.payInvoice(validBody, { signal: controller.signal }))).toBe("aborted");
});

test("an already aborted signal sends nothing", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("slow"),
    accessToken: "test-token",
  });
  const before = server.count("slow");
  expect(await codeOf(client.payInvoice(validBody, { signal: AbortSignal.abort() }))).toBe(
    "aborted",
  );
  expect(server.count("slow")).toBe(before);
});

test("aborting while waiting out a Retry-After stops at once", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("limited"),
    accessToken: "test-token",
  });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  expect(await codeOf(client.payInvoice(validBody, { signal: controller.signal }))).toBe("aborted");
  expect(Date.now() - started).toBeLessThan(1500);
  expect(server.count("limited")).toBe(1);
});
