// Rate limits as the provider documents them: X-RateLimit-Remaining and
// X-RateLimit-Reset on its responses ("the remaining epoch seconds": a count of
// seconds, or an epoch time), plus Retry-After when a server sends it.
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { parseRateLimitReset } from "../../src/retry.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";

const limited = (res: ServerResponse, headers: Record<string, string>) =>
  json(res, 429, {}, { "x-ratelimit-remaining": "0", ...headers });

// Answers 429 with the headers once, then 200.
function onceLimited(headers: () => Record<string, string>) {
  let seen = 0;
  return (_: unknown, res: ServerResponse) =>
    ++seen === 1 ? limited(res, headers()) : json(res, 200, { success: true, transactionId: 7 });
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "reset-count": onceLimited(() => ({ "x-ratelimit-reset": "1" })),
    "reset-epoch": onceLimited(() => ({
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 1),
    })),
    "both-headers": onceLimited(() => ({ "x-ratelimit-reset": "120", "retry-after": "0" })),
    "always-reset-40": (_, res) => limited(res, { "x-ratelimit-reset": "40" }),
    "always-retry-after": (_, res) =>
      limited(res, { "x-ratelimit-reset": "30", "retry-after": "2" }),
  });
});
afterAll(() => server.close());

const client = (scenario: string, extra = {}) =>
  createConnectClient({
    baseUrl: server.baseUrl(scenario),
    accessToken: "rate-token",
    // Above maxRetryAfterMs: a client that ignored the reset would give up at once (rate_limited).
    retryDelayMs: () => 120_000,
    ...extra,
  });

// How long each wait is, to the millisecond, is checked on a fake clock in
// test/retries/waits.test.ts; here, that the client waits and retries at all.
test("without Retry-After, a reset given as a count of seconds is the wait", async () => {
  expect(await client("reset-count").payInvoice(validBody)).toEqual({ transactionId: 7 });
  expect(server.count("reset-count")).toBe(2);
});

test("without Retry-After, a reset given as an epoch time is waited until", async () => {
  expect(await client("reset-epoch").payInvoice(validBody)).toEqual({ transactionId: 7 });
  expect(server.count("reset-epoch")).toBe(2);
});

test("Retry-After wins over the reset", async () => {
  // The reset (120 s) is above maxRetryAfterMs: a client that took it would give up at once.
  expect(await client("both-headers").payInvoice(validBody)).toEqual({ transactionId: 7 });
  expect(server.count("both-headers")).toBe(2);
});

test("a reset longer than maxRetryAfterMs is not waited for; the error carries every header", async () => {
  const error = (await rejectionOf(
    client("always-reset-40", { maxRetryAfterMs: 5_000 }).payInvoice(validBody),
  )) as ConnectError;
  expect(error.code).toBe("rate_limited");
  expect(server.count("always-reset-40")).toBe(1);
  expect(error.rateLimitRemaining).toBe(0);
  expect(error.rateLimitResetMs).toBe(40_000);
  expect(error.retryAfterMs).toBe(40_000);
});

test("after the retries, rate_limited carries remaining, reset and Retry-After", async () => {
  const error = (await rejectionOf(
    client("always-retry-after", { maxRetries: 0 }).payInvoice(validBody),
  )) as ConnectError;
  expect(error).toMatchObject({
    code: "rate_limited",
    status: 429,
    rateLimitRemaining: 0,
    rateLimitResetMs: 30_000,
    retryAfterMs: 2_000,
  });
});

test("parseRateLimitReset: seconds up to 10^9, an epoch time above, junk ignored", () => {
  const now = 1_800_000_000_000;
  expect(parseRateLimitReset("0", now)).toBe(0);
  expect(parseRateLimitReset("60", now)).toBe(60_000);
  expect(parseRateLimitReset("1800000030", now)).toBe(30_000);
  expect(parseRateLimitReset("1700000000", now)).toBe(0); // in the past
  for (const junk of [null, "", "soon", "-5", "1.5", "1e3"]) {
    expect(parseRateLimitReset(junk, now)).toBeUndefined();
  }
});
