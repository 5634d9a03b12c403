import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { parseRetryAfter } from "../../src/retry.js";
import {
  closedPort,
  json,
  rejectionOf,
  startServer,
  validBody,
  type TestServer,
} from "../helpers/server.js";

// Each scenario answers 429 to its first request, then 200.
const onceLimited =
  (retryAfter: () => string | undefined) =>
  (seen: { n: number }) =>
  (_: unknown, res: import("node:http").ServerResponse) => {
    seen.n++;
    if (seen.n === 1) {
      const value = retryAfter();
      json(res, 429, {}, value === undefined ? {} : { "retry-after": value });
    } else {
      json(res, 200, { success: true, transactionId: 42 });
    }
  };

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    seconds: onceLimited(() => "1")({ n: 0 }),
    date: onceLimited(() => new Date(Date.now() + 1000).toUTCString())({ n: 0 }),
    missing: onceLimited(() => undefined)({ n: 0 }),
    "no-retries": (_, res) => json(res, 429, {}, { "retry-after": "3" }),
    "server-error": (_, res) => json(res, 500, {}),
    reset: (_, res) => void res.socket?.resetAndDestroy(),
  });
});
afterAll(() => server.close());

test("429 with Retry-After in seconds: waits that long, then retries once and succeeds", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("seconds"),
    accessToken: "test-token",
  });
  // The wait itself, to the millisecond, is checked on a fake clock in waits.test.ts.
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 42 });
  expect(server.count("seconds")).toBe(2);
});

test("429 with Retry-After as an HTTP date: waits until then, then retries", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("date"),
    accessToken: "test-token",
  });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 42 });
  expect(server.count("date")).toBe(2);
});

test("429 without Retry-After: uses the backoff, then retries", async () => {
  const delays: number[] = [];
  const client = createConnectClient({
    baseUrl: server.baseUrl("missing"),
    accessToken: "test-token",
    retryDelayMs: (attempt) => (delays.push(attempt), 1),
  });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 42 });
  expect(delays).toEqual([0]);
  expect(server.count("missing")).toBe(2);
});

test("maxRetries: 0 gives rate_limited at once, with retryAfterMs", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("no-retries"),
    accessToken: "test-token",
    maxRetries: 0,
  });
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.code).toBe("rate_limited");
  expect(error.retryAfterMs).toBe(3000);
  expect(server.count("no-retries")).toBe(1);
});

test("a Retry-After above maxRetryAfterMs is not waited for", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("no-retries"),
    accessToken: "test-token",
    maxRetryAfterMs: 2000,
  });
  const before = server.count("no-retries");
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.code).toBe("rate_limited");
  // Not waited for: one request, no retry after the 3 s.
  expect(server.count("no-retries") - before).toBe(1);
});

test("5xx and a connection reset after sending are never retried (the payment may exist)", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("server-error"),
    accessToken: "test-token",
    maxRetries: 5,
    retryDelayMs: () => 1,
  });
  expect(((await rejectionOf(client.payInvoice(validBody))) as ConnectError).code).toBe(
    "server_error",
  );
  expect(server.count("server-error")).toBe(1);
  const resetClient = createConnectClient({
    baseUrl: server.baseUrl("reset"),
    accessToken: "test-token",
    maxRetries: 5,
    retryDelayMs: () => 1,
  });
  expect(((await rejectionOf(resetClient.payInvoice(validBody))) as ConnectError).code).toBe(
    "network",
  );
  expect(server.count("reset")).toBe(1);
});

test("connection refused (the request never left) is retried up to maxRetries", async () => {
  const port = await closedPort();
  let attempts = 0;
  const countingFetch: typeof fetch = (input, init) => {
    attempts++;
    return fetch(input, init);
  };
  const delays: number[] = [];
  const client = createConnectClient({
    baseUrl: `http://127.0.0.1:${port}`,
    accessToken: "test-token",
    fetch: countingFetch,
    retryDelayMs: (attempt) => (delays.push(attempt), 1),
  });
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.code).toBe("network");
  expect(error.message).toContain("ECONNREFUSED");
  expect(attempts).toBe(3);
  expect(delays).toEqual([0, 1]);
});

test("the default backoff is jittered, grows, and is capped", async () => {
  const { defaultRetryDelay } = await import("../../src/retry.js");
  const samples = Array.from({ length: 200 }, () => defaultRetryDelay(0));
  expect(new Set(samples).size).toBeGreaterThan(100);
  expect(Math.max(...samples)).toBeLessThanOrEqual(250);
  expect(Math.max(...Array.from({ length: 200 }, () => defaultRetryDelay(20)))).toBeLessThanOrEqual(
    8000,
  );
});

test("parseRetryAfter reads seconds and HTTP dates, and ignores junk", () => {
  expect(parseRetryAfter("7")).toBe(7000);
  expect(parseRetryAfter("0")).toBe(0);
  expect(parseRetryAfter(null)).toBeUndefined();
  expect(parseRetryAfter("soon")).toBeUndefined();
  // A pinned clock on a whole second: the waits are exact, however busy the machine.
  vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
  try {
    expect(parseRetryAfter(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBe(10_000);
  } finally {
    vi.useRealTimers();
  }
});
