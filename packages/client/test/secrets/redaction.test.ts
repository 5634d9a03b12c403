// A server that echoes the Authorization header back must not make the token
// part of an error: the client replaces it with "[redacted]" before it keeps
// any of the answer.
import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, createConnectClient, PAY_INVOICE_PATH } from "../../src/index.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";

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
  createConnectClient({ baseUrl: server.baseUrl(scenario), accessToken: () => TOKEN });

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

test("raw: an echo in a 2xx answer that is not JSON is redacted in the ConnectError", async () => {
  const error = (await rejectionOf(
    client("echo-text").raw.POST(PAY_INVOICE_PATH, { body: validBody }),
  )) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.body).toBe("you sent Bearer [redacted] and Bearer [redacted]");
});
