// Timeouts and aborts against a real server on 127.0.0.1. Each test asserts
// what happened (the code, how many attempts), never how long it took, and no
// outcome depends on which of two timers fires first on a busy machine; the
// exact timings are checked on a fake clock in test/retries/waits.test.ts.
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
    // It stops short of the 1 MiB limit, so only the timeout can end it, however slow the machine.
    endless: (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      let sent = 0;
      const timer = setInterval(() => {
        if ((sent += 1024) < 512 * 1024) res.write("x".repeat(1024));
      }, 5);
      res.on("close", () => clearInterval(timer));
    },
    slow: (_, res) => {
      setTimeout(() => json(res, 200, { success: true, transactionId: 9 }), 150);
    },
    // Longer than the test may take: a wait that the abort did not end fails the test.
    limited: (_, res) => json(res, 429, {}, { "retry-after": "50" }),
  });
});
afterAll(() => server.close());

const codeOf = async (promise: Promise<unknown>) =>
  ((await rejectionOf(promise)) as ConnectError).code;

/** The real fetch, counting the attempts (a server's count depends on whether a request arrived in time). */
function countingFetch() {
  const counted = { attempts: 0 };
  const fetchCounting: typeof fetch = (input, init) => {
    counted.attempts++;
    return fetch(input, init);
  };
  return { counted, fetch: fetchCounting };
}

test.each(["hang", "stall-body", "endless"])(
  "%s: the timeout ends it (headers or body), and it is not retried",
  async (scenario) => {
    const { counted, fetch } = countingFetch();
    const client = createConnectClient({
      baseUrl: server.baseUrl(scenario),
      accessToken: "test-token",
      fetch,
      timeoutMs: 300,
      maxRetries: 3,
      retryDelayMs: () => 0,
    });
    expect(await codeOf(client.payInvoice(validBody))).toBe("timeout");
    expect(counted.attempts).toBe(1);
  },
);

test("a response within the timeout succeeds", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("slow"),
    accessToken: "test-token",
    // Longer than the test may take, so the server's 150 ms delay can never lose a race with it.
    timeoutMs: 60_000,
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
  const controller = new AbortController();
  let attempts = 0;
  const client = createConnectClient({
    baseUrl: server.baseUrl("limited"),
    accessToken: "test-token",
    // Aborts once the 429 has arrived, so the abort lands in the wait, not before the request.
    fetch: async (input, init) => {
      attempts++;
      const response = await fetch(input, init);
      setImmediate(() => controller.abort());
      return response;
    },
  });
  expect(await codeOf(client.payInvoice(validBody, { signal: controller.signal }))).toBe("aborted");
  expect(attempts).toBe(1);
});
