// The fault-injection scenarios: every way the API (or the network) can answer
// badly, with the error the client must give and how many requests the server
// must see. Shared by the fault tests and the secrets test.
import type { ConnectErrorCode } from "../../src/index.js";
import { json, type Handler } from "../helpers/server.js";
import { TRANSACTION_ID } from "../../../../openapi/fixtures.mjs";

export interface FaultCase {
  name: string;
  handler: Handler;
  code: ConnectErrorCode;
  /** Requests the server must receive; 1 wherever a retry must not happen. */
  requests: number;
  status?: number;
  body?: unknown;
  check?: (error: Record<string, unknown>) => void;
  /** The client's timeout for this case; default 2 s. */
  timeoutMs?: number;
}

const html =
  (status: number, text = "<html><body>oops</body></html>"): Handler =>
  (_, res) => {
    res.writeHead(status, { "content-type": "text/html" });
    res.end(text);
  };

const raw =
  (status: number, text: string, type = "application/json"): Handler =>
  (_, res) => {
    res.writeHead(status, { "content-type": type });
    res.end(text);
  };

const largeBody = `{"success":true,"transactionId":1,"padding":"${"x".repeat(5 * 2 ** 20)}"}`;

const retryAfterDate = (ms: number) => new Date(Date.now() + ms).toUTCString();

export const faultCases: FaultCase[] = [
  {
    name: "400 with JSON",
    handler: (_, res) => json(res, 400, { message: "bad invoice" }),
    code: "bad_request",
    requests: 1,
    status: 400,
    body: { message: "bad invoice" },
  },
  {
    name: "400 with HTML",
    handler: html(400),
    code: "bad_request",
    requests: 1,
    status: 400,
    body: "<html><body>oops</body></html>",
  },
  {
    name: "401",
    handler: (_, res) => json(res, 401, { error: "invalid_token" }),
    code: "unauthorized",
    requests: 1,
    status: 401,
    body: { error: "invalid_token" },
  },
  {
    name: "403",
    handler: (_, res) => json(res, 403, {}),
    code: "forbidden",
    requests: 1,
    status: 403,
    body: {},
  },
  { name: "404", handler: html(404), code: "not_found", requests: 1, status: 404 },
  {
    name: "429 with Retry-After in seconds, too long to wait",
    handler: (_, res) => json(res, 429, {}, { "retry-after": "120" }),
    code: "rate_limited",
    requests: 1,
    status: 429,
    check: (error) => expectEqual(error.retryAfterMs, 120_000),
  },
  {
    name: "429 with Retry-After as a date, too long to wait",
    handler: (_, res) => json(res, 429, {}, { "retry-after": retryAfterDate(300_000) }),
    code: "rate_limited",
    requests: 1,
    status: 429,
    // The date has whole seconds and is read a moment after it was written: a wide margin,
    // so a busy machine cannot push the reading out of it.
    check: (error) => expectBetween(error.retryAfterMs, 240_000, 300_000),
  },
  {
    name: "429 without Retry-After, retried twice then given up",
    handler: (_, res) => json(res, 429, {}),
    code: "rate_limited",
    requests: 3,
    status: 429,
    check: (error) => expectEqual(error.retryAfterMs, undefined),
  },
  { name: "500 with HTML", handler: html(500), code: "server_error", requests: 1, status: 500 },
  {
    name: "502",
    handler: raw(502, "Bad Gateway", "text/plain"),
    code: "server_error",
    requests: 1,
    status: 502,
    body: "Bad Gateway",
  },
  {
    name: "503",
    handler: (_, res) => json(res, 503, { retry: true }),
    code: "server_error",
    requests: 1,
    status: 503,
    body: { retry: true },
  },
  {
    name: "200 with a body that is not JSON",
    handler: raw(200, "<html>welcome</html>", "text/html"),
    code: "unexpected_response",
    requests: 1,
    status: 200,
    body: "<html>welcome</html>",
  },
  {
    name: "200 with an empty body",
    handler: raw(200, ""),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "204 with no body",
    handler: (_, res) => {
      res.writeHead(204);
      res.end();
    },
    code: "unexpected_response",
    requests: 1,
    status: 204,
  },
  {
    name: "200 with JSON null",
    handler: raw(200, "null"),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with a JSON array",
    handler: raw(200, "[1]"),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with success false",
    handler: (_, res) => json(res, 200, { success: false }),
    code: "payment_not_added",
    requests: 1,
    status: 200,
    body: { success: false },
  },
  {
    name: "200 with success true but no transactionId",
    handler: (_, res) => json(res, 200, { success: true }),
    code: "payment_not_added",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with a transactionId but no success",
    handler: (_, res) => json(res, 200, { transactionId: 5 }),
    code: "payment_not_added",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with transactionId as a string",
    handler: (_, res) => json(res, 200, { success: true, transactionId: String(TRANSACTION_ID) }),
    code: "unexpected_response",
    requests: 1,
    status: 200,
    body: { success: true, transactionId: String(TRANSACTION_ID) },
  },
  {
    name: "200 with transactionId as a float",
    handler: (_, res) => json(res, 200, { success: true, transactionId: 1.5 }),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with success as a string",
    handler: (_, res) => json(res, 200, { success: "true", transactionId: 1 }),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    // The mutant "success: false with an id counts as paid" must die here.
    name: "200 with success false and a transactionId",
    handler: (_, res) => json(res, 200, { success: false, transactionId: 5 }),
    code: "payment_not_added",
    requests: 1,
    status: 200,
    body: { success: false, transactionId: 5 },
  },
  // An id outside the spec's TransactionId range (1 to 2^53 - 1) breaks the
  // spec: the response says nothing trustworthy, not even "not added".
  {
    name: "200 with a negative transactionId",
    handler: (_, res) => json(res, 200, { success: true, transactionId: -7 }),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with transactionId 0",
    handler: (_, res) => json(res, 200, { success: true, transactionId: 0 }),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with success true and a transactionId beyond 2^53",
    handler: raw(200, '{"success":true,"transactionId":123456789012345678901}'),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "200 with success true and transactionId 2^53 + 1 (parsed as 2^53)",
    handler: raw(200, '{"success":true,"transactionId":9007199254740993}'),
    code: "unexpected_response",
    requests: 1,
    status: 200,
  },
  {
    name: "307 to another place: never followed",
    handler: (_, res) => {
      res.writeHead(307, { location: "http://127.0.0.1:9/elsewhere" });
      res.end();
    },
    code: "unexpected_response",
    requests: 1,
    status: 307,
  },
  {
    name: "200 with JSON cut off but a complete HTTP response",
    handler: raw(200, '{"success":true,"transac'),
    code: "unexpected_response",
    requests: 1,
    status: 200,
    body: '{"success":true,"transac',
  },
  {
    name: "200 whose body is cut off midway by a dropped connection",
    handler: (_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "60" });
      res.write('{"success":true,');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    code: "network",
    requests: 1,
  },
  {
    name: "connection reset before any response",
    handler: (_, res) => {
      res.socket?.resetAndDestroy();
    },
    code: "network",
    requests: 1,
  },
  {
    name: "a server that never answers",
    handler: () => {},
    code: "timeout",
    requests: 1,
    // Ample for the request to arrive first on a busy machine (it takes about a millisecond).
    timeoutMs: 1_000,
  },
  {
    name: "a very large body (5 MiB) announced by Content-Length",
    handler: (_, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(largeBody)),
      });
      res.end(largeBody);
    },
    code: "unexpected_response",
    requests: 1,
    status: 200,
    timeoutMs: 5_000,
  },
  {
    // The client must refuse on the header alone: it never waits for this body.
    name: "a Content-Length above 1 MiB whose body never comes",
    handler: (_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "2000000" });
      res.write('{"success":true,');
    },
    code: "unexpected_response",
    requests: 1,
    status: 200,
    timeoutMs: 5_000,
    check: (error) => expectEqual(error.message, "Response larger than 1 MiB"),
  },
  {
    name: "a very long non-JSON body keeps only a 200 character excerpt",
    handler: raw(500, "y".repeat(10_000), "text/plain"),
    code: "server_error",
    requests: 1,
    status: 500,
    body: "y".repeat(200),
  },
];

function expectEqual(actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
}

function expectBetween(actual: unknown, low: number, high: number): void {
  if (typeof actual !== "number" || actual < low || actual > high) {
    throw new Error(`expected a number from ${low} to ${high}, got ${String(actual)}`);
  }
}
