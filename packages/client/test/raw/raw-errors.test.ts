// openapi-fetch gives `{ data: undefined, error: undefined }` for a non-2xx
// response with an empty body (and `error: ""` without a Content-Length), so a
// caller who checks `error` would take it for success. The raw client makes
// `error` a defined, truthy value for every non-2xx response.
import { afterAll, beforeAll, expect, test } from "vitest";
import { PAY_INVOICE_PATH } from "../../src/index.js";
import { startServer, validBody, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

let server: TestServer;
beforeAll(async () => {
  const empty =
    (status: number, headers: Record<string, string> = {}) =>
    (_: unknown, res: import("node:http").ServerResponse) => {
      res.writeHead(status, headers);
      res.end();
    };
  server = await startServer({
    "400-length-0": empty(400, { "content-length": "0" }),
    "429-length-0": empty(429, { "content-length": "0", "retry-after": "999" }),
    "500-chunked": empty(500, { "transfer-encoding": "chunked" }),
    "401-blank": (_, res) => {
      res.writeHead(401, { "content-type": "text/plain" });
      res.end("  \n");
    },
    "403-text": (_, res) => {
      res.writeHead(403, { "content-type": "text/plain" });
      res.end("Forbidden");
    },
  });
});
afterAll(() => server.close());

const post = (scenario: string) =>
  connectWithRaw({
    baseUrl: server.baseUrl(scenario),
    accessToken: "raw-error-token",
    maxRetries: 0,
  }).raw.POST(PAY_INVOICE_PATH, { body: validBody });

test.each([
  ["400-length-0", 400, "bad_request"],
  ["429-length-0", 429, "rate_limited"],
  ["500-chunked", 500, "server_error"],
  ["401-blank", 401, "unauthorized"],
])("%s: an empty non-2xx response gives a defined error", async (scenario, status, code) => {
  const { data, error, response } = await post(scenario);
  expect(data).toBeUndefined();
  expect(response.status).toBe(status);
  expect(error).toEqual({
    code,
    status,
    message: `The API answered HTTP ${status} (${code}) with an empty body`,
  });
  // The check callers write must not pass.
  expect(!error).toBe(false);
});

test("a non-2xx text response still comes back as its text", async () => {
  const { error, response } = await post("403-text");
  expect(response.status).toBe(403);
  expect(error).toBe("Forbidden");
});
