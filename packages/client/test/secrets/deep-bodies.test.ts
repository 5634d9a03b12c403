// An error body nested thousands of levels deep (well within the 1 MiB limit)
// must still give a ConnectError, with the token redacted at any depth, and a
// body that can be logged and serialized: redaction may not recurse per level.
import { inspect } from "node:util";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PRODUCT_CODE } from "../../../../openapi/fixtures.mjs";
import { ConnectError, PAY_INVOICE_PATH } from "../../src/index.js";
import { MAX_BODY_DEPTH, redactValue } from "../../src/redact.js";
import { rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

const TOKEN = "DeEp-ToKeN-5c2e71";
const LEVELS = 50_000;

/** `{"a":{"a":…"Bearer <token>"…}}` or `[[…]]`, `LEVELS` deep, with the echo at the bottom. */
const deep = (kind: "object" | "array", echo: string) =>
  kind == "object"
    ? `${'{"a":'.repeat(LEVELS)}${JSON.stringify(echo)}${"}".repeat(LEVELS)}`
    : `${"[".repeat(LEVELS)}${JSON.stringify(echo)}${"]".repeat(LEVELS)}`;

const answer = (res: ServerResponse, status: number, text: string) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(text);
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    object: (request, res) => answer(res, 400, deep("object", request.authorization ?? "")),
    array: (request, res) => answer(res, 500, deep("array", request.authorization ?? "")),
  });
});
afterAll(() => server.close());

const client = (scenario: string) =>
  connectWithRaw({ baseUrl: server.baseUrl(scenario), accessToken: () => TOKEN, maxRetries: 0 });

/** The error is a ConnectError that can be printed and serialized, and never shows the token. */
function expectSafe(error: unknown, code: string) {
  expect(error).toBeInstanceOf(ConnectError);
  expect((error as ConnectError).code).toBe(code);
  const serialized = JSON.stringify(error);
  expect(serialized).not.toContain(TOKEN);
  expect(inspect(error, { depth: Infinity })).not.toContain(TOKEN);
}

test.each([
  ["object", "bad_request"],
  ["array", "server_error"],
] as const)(
  "payInvoice: an error body nested 50 000 levels (%s) is a ConnectError",
  async (kind, code) => {
    expectSafe(await rejectionOf(client(kind).payInvoice(validBody)), code);
    // The server did receive the token, so its absence from the error means something.
    expect(server.received.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
  },
);

test("listPaymentMethods: the same body is a ConnectError", async () => {
  expectSafe(await rejectionOf(client("object").listPaymentMethods(PRODUCT_CODE)), "bad_request");
});

test("the raw client gives its { error } for the same body, without the token", async () => {
  const { error, response } = await client("object").raw.POST(PAY_INVOICE_PATH, {
    body: validBody,
  });
  expect(response.status).toBe(400);
  expect(error).toBeDefined();
  expect(JSON.stringify(error)).not.toContain(TOKEN);
});

test("a shallow body is kept whole, the token redacted", async () => {
  const shallow = await startServer({
    echo: (request, res) =>
      answer(res, 400, JSON.stringify({ a: [{ b: { c: request.authorization } }] })),
  });
  try {
    const error = (await rejectionOf(
      connectWithRaw({ baseUrl: shallow.baseUrl("echo"), accessToken: TOKEN }).payInvoice(
        validBody,
      ),
    )) as ConnectError;
    expect(error.body).toEqual({ a: [{ b: { c: "Bearer [redacted]" } }] });
  } finally {
    await shallow.close();
  }
});

test("below MAX_BODY_DEPTH levels the copy holds a marker; a __proto__ key stays a key", () => {
  const parsed = JSON.parse(deep("object", `x ${TOKEN}`)) as unknown;
  let level = redactValue(parsed, TOKEN);
  for (let depth = 0; depth < MAX_BODY_DEPTH; depth++) level = (level as { a: unknown }).a;
  expect(level).toBe("[nested too deep]");
  const proto = redactValue(JSON.parse(`{"__proto__":{"${TOKEN}":1}}`), TOKEN);
  expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  expect(Object.keys(proto as object)).toEqual(["__proto__"]);
  expect(JSON.stringify(proto)).toBe('{"__proto__":{"[redacted]":1}}');
});
