// What a request owns must be taken once and given back: the token function
// is called once per request (its retries reuse the token), and every
// listener the client puts on the caller's signal is removed again.
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createConnectClient, PAY_INVOICE_PATH } from "../../src/index.js";
import { createRawClient } from "../../src/raw.js";
import { closedPort, json, startServer, validBody, type TestServer } from "../helpers/server.js";

// 429 twice, then 200: two retries of one request.
function twiceLimited() {
  let seen = 0;
  return (_: unknown, res: ServerResponse) =>
    ++seen <= 2
      ? json(res, 429, {}, { "retry-after": "0" })
      : json(res, 200, { success: true, transactionId: 12 });
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    limited: twiceLimited(),
    "limited-raw": twiceLimited(),
    "backoff-limited": (() => {
      let seen = 0;
      return (_: unknown, res: ServerResponse) =>
        ++seen === 1 ? json(res, 429, {}) : json(res, 200, { success: true, transactionId: 13 });
    })(),
    ok: (_, res) => json(res, 200, { success: true, transactionId: 14 }),
  });
});
afterAll(() => server.close());

test("the token function is called once for a request retried twice, and every try carries it", async () => {
  let calls = 0;
  const client = createConnectClient({
    baseUrl: server.baseUrl("limited"),
    accessToken: () => `token-${++calls}`,
  });
  expect(await client.payInvoice(validBody)).toEqual({ transactionId: 12 });
  expect(server.count("limited")).toBe(3);
  expect(calls).toBe(1);
  const tried = server.received.filter((r) => r.scenario === "limited");
  expect(tried.map((r) => r.authorization)).toEqual(Array(3).fill("Bearer token-1"));
});

test("the same holds for the raw client", async () => {
  let calls = 0;
  const raw = createRawClient({
    baseUrl: server.baseUrl("limited-raw"),
    accessToken: async () => `raw-${++calls}`,
  });
  const { data } = await raw.POST(PAY_INVOICE_PATH, { body: validBody });
  expect(data).toEqual({ success: true, transactionId: 12 });
  expect(calls).toBe(1);
});

test("a connection refused twice then retried calls the token function once", async () => {
  let calls = 0;
  const client = createConnectClient({
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    accessToken: () => `t-${++calls}`,
    retryDelayMs: () => 1,
  });
  await client.payInvoice(validBody).catch(() => {});
  expect(calls).toBe(1);
});

/** A real signal whose abort listeners are counted as they come and go. */
function countedSignal() {
  const controller = new AbortController();
  const { signal } = controller;
  const live = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListener, options?: unknown) => {
    if (type === "abort") live.add(listener);
    add(type, listener, options as AddEventListenerOptions);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListener, options?: unknown) => {
    if (type === "abort") live.delete(listener);
    remove(type, listener, options as EventListenerOptions);
  }) as typeof signal.removeEventListener;
  return { signal, live };
}

test.each(["ok", "backoff-limited"])(
  "no abort listener stays on the caller's signal after a call (%s)",
  async (scenario) => {
    const client = createConnectClient({
      baseUrl: server.baseUrl(scenario),
      accessToken: "listener-token",
      retryDelayMs: () => 5,
    });
    const { signal, live } = countedSignal();
    for (let i = 0; i < 3; i++) await client.payInvoice(validBody, { signal });
    expect(live.size).toBe(0);
  },
);
