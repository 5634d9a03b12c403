// openapi-fetch parses a 2xx response as JSON and would throw a bare SyntaxError
// when it is not JSON; through client.raw such a response is a ConnectError.
import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, PAY_INVOICE_PATH } from "../../src/index.js";
import {
  rejectionOf,
  startServer,
  trackUnhandledRejections,
  validBody,
  type TestServer,
} from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    html: (_, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>welcome</html>");
    },
    "html-chunked": (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("<html>");
      res.end("welcome</html>");
    },
    empty: (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end();
    },
    "no-content": (_, res) => {
      res.writeHead(204);
      res.end();
    },
    "cut-json": (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"success":true,"transac');
    },
  });
});
afterAll(() => server.close());

test.each([
  ["HTML", "html", 200, "<html>welcome</html>"],
  ["HTML sent in chunks", "html-chunked", 200, "<html>welcome</html>"],
  ["an empty body", "empty", 200, ""],
  ["204 No Content", "no-content", 204, ""],
  ["JSON cut off", "cut-json", 200, '{"success":true,"transac'],
])(
  "a 2xx response with %s is unexpected_response, not a SyntaxError",
  async (_, scenario, status, body) => {
    const unhandled = trackUnhandledRejections();
    const client = connectWithRaw({
      baseUrl: server.baseUrl(scenario),
      accessToken: "raw-token",
    });
    const error = await rejectionOf(client.raw.POST(PAY_INVOICE_PATH, { body: validBody }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    unhandled.stop();
    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ code: "unexpected_response", status, body });
    expect(server.count(scenario)).toBe(1);
    expect(unhandled.list).toEqual([]);
  },
);
