// How long the client waits (Retry-After, X-RateLimit-Reset, the backoff) and
// when it gives up (timeoutMs), on a fake clock: exact to the millisecond,
// whatever else the machine is doing. The same behaviour against real servers
// on 127.0.0.1 is in retries.test.ts, rate-limits.test.ts and timeout.test.ts,
// which assert what happened, never how long it took.
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { validBody } from "../helpers/server.js";

const NOW = Date.UTC(2030, 0, 1); // a whole second, as HTTP dates are
beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

const limited = (headers: Record<string, string>) => () =>
  new Response("{}", { status: 429, headers });
const paid = () => Response.json({ success: true, transactionId: 7 });

/** A stub fetch answering with `answers` in turn (the last one again and again), counting calls. */
function stubFetch(...answers: ((init?: RequestInit) => Response | Promise<Response>)[]) {
  const calls: number[] = [];
  const fetch = (_: RequestInfo | URL, init?: RequestInit) => {
    calls.push(Date.now());
    return Promise.resolve(answers[Math.min(calls.length, answers.length) - 1]!(init));
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** Starts payInvoice and returns the wait, in fake milliseconds, between its first and second request. */
async function measuredWait(headers: Record<string, string>, expected: number, extra = {}) {
  const { fetch, calls } = stubFetch(limited(headers), paid);
  const client = createConnectClient({
    baseUrl: "https://api.example",
    accessToken: "wait-token",
    fetch,
    retryDelayMs: () => 10_000,
    ...extra,
  });
  const result = client.payInvoice(validBody);
  await vi.advanceTimersByTimeAsync(expected - 1);
  expect(calls).toHaveLength(1); // not a millisecond early
  await vi.advanceTimersByTimeAsync(1);
  expect(calls).toHaveLength(2);
  await expect(result).resolves.toEqual({ transactionId: 7 });
  return calls[1]! - calls[0]!;
}

test.each([
  ["Retry-After in seconds", { "retry-after": "1" }, 1_000],
  ["Retry-After as an HTTP date", { "retry-after": new Date(NOW + 3_000).toUTCString() }, 3_000],
  ["X-RateLimit-Reset as a count of seconds", { "x-ratelimit-reset": "2" }, 2_000],
  ["X-RateLimit-Reset as an epoch time", { "x-ratelimit-reset": String(NOW / 1000 + 4) }, 4_000],
  ["Retry-After over X-RateLimit-Reset", { "retry-after": "1", "x-ratelimit-reset": "50" }, 1_000],
])("a 429 with %s waits exactly that long, then retries", async (_, headers, expected) => {
  expect(await measuredWait(headers, expected)).toBe(expected);
});

test("a 429 without either header waits retryDelayMs(attempt)", async () => {
  expect(await measuredWait({}, 123, { retryDelayMs: () => 123 })).toBe(123);
});

test("aborting during a wait ends it at once, and leaves no timer behind", async () => {
  const { fetch, calls } = stubFetch(limited({ "retry-after": "50" }), paid);
  const client = createConnectClient({ baseUrl: "https://api.example", accessToken: "t", fetch });
  const controller = new AbortController();
  const result = client.payInvoice(validBody, { signal: controller.signal });
  const outcome = expect(result).rejects.toMatchObject({ code: "aborted" });
  await vi.advanceTimersByTimeAsync(10);
  controller.abort();
  await outcome;
  expect(calls).toHaveLength(1);
  expect(vi.getTimerCount()).toBe(0);
});

/** A fetch that never answers, but rejects as a real fetch does when its signal aborts. */
const never = (init?: RequestInit) =>
  new Promise<Response>((_, reject) => {
    init?.signal?.addEventListener("abort", () =>
      reject(new DOMException("aborted", "AbortError")),
    );
  });

/** A 200 whose body starts, then stalls until the signal aborts it. */
const stalledBody = (init?: RequestInit) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"success":true,'));
        init?.signal?.addEventListener("abort", () =>
          controller.error(new DOMException("aborted", "AbortError")),
        );
      },
    }),
    { status: 200, headers: { "content-type": "application/json" } },
  );

test.each([
  ["no answer", never],
  ["headers, then a stalled body", stalledBody],
])("%s: timeout at exactly timeoutMs, not retried", async (_, answer) => {
  const { fetch, calls } = stubFetch(answer);
  const client = createConnectClient({
    baseUrl: "https://api.example",
    accessToken: "t",
    fetch,
    timeoutMs: 5_000,
    maxRetries: 3,
    retryDelayMs: () => 0,
  });
  let settled: unknown;
  const result = client.payInvoice(validBody).catch((error: unknown) => (settled = error));
  await vi.advanceTimersByTimeAsync(4_999);
  expect(settled).toBeUndefined();
  await vi.advanceTimersByTimeAsync(1);
  await result;
  expect(settled).toBeInstanceOf(ConnectError);
  expect((settled as ConnectError).code).toBe("timeout");
  expect(calls).toHaveLength(1);
});
