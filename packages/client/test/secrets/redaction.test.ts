// A server that echoes the Authorization header back must not make the token
// part of an error: the client replaces it with "[redacted]" before it keeps
// any of the response.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConnectError, PAY_INVOICE_PATH } from "../../src/index.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

const TOKEN = "EcHoEd-ToKeN-93b1f0";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "echo-json": (request, res) =>
      json(res, 401, { error: "invalid_token", seen: request.authorization }),
    "echo-text": (request, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`you sent ${request.authorization} and ${request.authorization}`);
    },
  });
});
afterAll(() => server.close());

const client = (scenario: string) =>
  connectWithRaw({ baseUrl: server.baseUrl(scenario), accessToken: () => TOKEN });

test("an echoed token is redacted from a JSON error body", async () => {
  const error = (await rejectionOf(client("echo-json").payInvoice(validBody))) as ConnectError;
  expect(error.code).toBe("unauthorized");
  expect(error.body).toEqual({ error: "invalid_token", seen: "Bearer [redacted]" });
  // The server did receive the token, so its absence means something.
  expect(server.received.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
});

test("every echo of the token is redacted from a text excerpt", async () => {
  const error = (await rejectionOf(client("echo-text").payInvoice(validBody))) as ConnectError;
  expect(error.code).toBe("unexpected_response");
  expect(error.body).toBe("you sent Bearer [redacted] and Bearer [redacted]");
  expect(JSON.stringify(error)).not.toContain(TOKEN);
});

test("the raw client's { error } is redacted too", async () => {
  const { error } = await client("echo-json").raw.POST(PAY_INVOICE_PATH, { body: validBody });
  expect(error).toEqual({ error: "invalid_token", seen: "Bearer [redacted]" });
});

test("raw: an echo in a 2xx response that is not JSON is redacted in the ConnectError", async () => {
  const error = (await rejectionOf(
    client("echo-text").raw.POST(PAY_INVOICE_PATH, { body: validBody }),
  )) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.body).toBe("you sent Bearer [redacted] and Bearer [redacted]");
});

describe("escaped echoes and responses left alone", () => {
  // JSON may write the token with escapes; the parsed values are what is checked.
  const escaped = (token: string) =>
    token.replaceAll("/", "\\/").replace("A", "\\u0041").replace("a", "\\u0061");
  const SLASHED = "AbC/dEf/ghA-token";

  let escaping: TestServer;
  beforeAll(async () => {
    escaping = await startServer({
      "echo-escaped": (request, res) => {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(`{"seen":"${escaped(request.authorization!.slice(7))}"}`);
      },
      "token-in-data": (request, res) =>
        json(res, 200, {
          success: true,
          transactionId: 4,
          note: `issued for ${request.authorization!.slice(7)}`,
        }),
    });
  });
  afterAll(() => escaping.close());

  test("an echo written with JSON escapes (\\/ and \\u0041) is redacted in error.body", async () => {
    const client = connectWithRaw({
      baseUrl: escaping.baseUrl("echo-escaped"),
      accessToken: SLASHED,
    });
    const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
    expect(error.body).toEqual({ seen: "[redacted]" });
    expect(JSON.stringify(error)).not.toContain("dEf");
    const { error: rawError } = await client.raw.POST(PAY_INVOICE_PATH, { body: validBody });
    expect(rawError).toEqual({ seen: "[redacted]" });
  });

  test("a token inside a 2xx response reaches the caller unchanged", async () => {
    const client = connectWithRaw({
      baseUrl: escaping.baseUrl("token-in-data"),
      accessToken: SLASHED,
    });
    const { data } = await client.raw.POST(PAY_INVOICE_PATH, { body: validBody });
    expect(data).toEqual({ success: true, transactionId: 4, note: `issued for ${SLASHED}` });
    expect(await client.payInvoice(validBody)).toEqual({ transactionId: 4 });
  });
});
