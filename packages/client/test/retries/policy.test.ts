// The retry policy as a table: for each attempt and outcome, whether the
// client tries again and how long it waits first. `send` asks `nextRetry` and
// nothing else; the other tests in this folder prove that over real HTTP.
import { describe, expect, test, vi } from "vitest";
import { nextRetry, RETRY_DEFAULTS, serverWait, type Outcome } from "../../src/retry.js";

const policy = { maxRetries: 2, maxRetryAfterMs: 5_000, retryDelayMs: (n: number) => 100 + n };
const withResponse = (status: number, headers: Record<string, string> = {}): Outcome => ({
  response: new Response(null, { status, headers }),
});
const refused = { error: new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }) };
const reset = { error: new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }) };
const bunRefused = { error: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) };
const noCode = { error: new TypeError("Failed to fetch") };

const table: [string, number, Outcome, number | undefined][] = [
  // [what, attempt, outcome, wait or undefined for "final"]
  ["200 is final", 0, withResponse(200), undefined],
  ["400 is final", 0, withResponse(400), undefined],
  ["500 is final (it may have been processed)", 0, withResponse(500), undefined],
  ["503 with Retry-After is final", 0, withResponse(503, { "retry-after": "1" }), undefined],
  [
    "429 with Retry-After in seconds waits that long",
    0,
    withResponse(429, { "retry-after": "2" }),
    2_000,
  ],
  ["429 with Retry-After 0 retries at once", 1, withResponse(429, { "retry-after": "0" }), 0],
  [
    "429 without Retry-After waits for X-RateLimit-Reset",
    0,
    withResponse(429, { "x-ratelimit-reset": "3" }),
    3_000,
  ],
  [
    "429: Retry-After wins over X-RateLimit-Reset",
    0,
    withResponse(429, { "retry-after": "1", "x-ratelimit-reset": "4" }),
    1_000,
  ],
  ["429 with neither header: retryDelayMs(attempt)", 1, withResponse(429), 101],
  [
    "429 with junk Retry-After: retryDelayMs(attempt)",
    0,
    withResponse(429, { "retry-after": "soon" }),
    100,
  ],
  [
    "429 asking for more than maxRetryAfterMs is final",
    0,
    withResponse(429, { "retry-after": "6" }),
    undefined,
  ],
  [
    "429 asking for exactly maxRetryAfterMs waits",
    0,
    withResponse(429, { "retry-after": "5" }),
    5_000,
  ],
  ["429 after the last retry is final", 2, withResponse(429, { "retry-after": "0" }), undefined],
  ["refused connection (Node's cause.code): retryDelayMs(attempt)", 0, refused, 100],
  ["refused connection (Bun's code)", 1, bunRefused, 101],
  ["refused connection after the last retry is final", 2, refused, undefined],
  ["reset connection is final (the request may have arrived)", 0, reset, undefined],
  ["a failure without a code is final (Deno, workerd, browsers)", 0, noCode, undefined],
];

test.each(table)("%s", (_, attempt, outcome, wait) => {
  expect(nextRetry(policy, attempt, outcome)).toBe(wait);
});

test("maxRetries 0 never retries", () => {
  const none = { ...policy, maxRetries: 0 };
  expect(nextRetry(none, 0, withResponse(429, { "retry-after": "0" }))).toBeUndefined();
  expect(nextRetry(none, 0, refused)).toBeUndefined();
});

describe("serverWait: the one reading of Retry-After and X-RateLimit-Reset", () => {
  test("Retry-After as an HTTP date", () => {
    // A pinned clock on a whole second: the wait is exact, however busy the machine.
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    try {
      const wait = serverWait(
        new Response(null, {
          status: 429,
          headers: { "retry-after": new Date(Date.now() + 10_000).toUTCString() },
        }),
      );
      expect(wait).toBe(10_000);
    } finally {
      vi.useRealTimers();
    }
  });
  test("X-RateLimit-Reset counts only for a 429", () => {
    expect(
      serverWait(new Response(null, { status: 400, headers: { "x-ratelimit-reset": "3" } })),
    ).toBeUndefined();
    expect(serverWait(new Response(null, { status: 503, headers: { "retry-after": "2" } }))).toBe(
      2_000,
    );
  });
});

test("the defaults: 2 retries, at most 60 s of server wait, jittered exponential delays", () => {
  expect(RETRY_DEFAULTS.maxRetries).toBe(2);
  expect(RETRY_DEFAULTS.maxRetryAfterMs).toBe(60_000);
  for (const attempt of [0, 1, 2, 10]) {
    const delay = RETRY_DEFAULTS.retryDelayMs(attempt);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThanOrEqual(Math.min(8_000, 250 * 2 ** attempt));
  }
});
