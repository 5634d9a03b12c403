// A `network` error keeps what the runtime threw as `cause`, never with the
// token in it, and only what a runtime reports as certainly unsent is retried.
import { inspect } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import {
  closedPort,
  rejectionOf,
  startServer,
  validBody,
  type TestServer,
} from "../helpers/server.js";

const TOKEN = "SeCrEt-ToKeN-4b7e0a91c3";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({});
});
afterAll(() => server.close());

/** payInvoice through a fetch that throws `thrown` (made from the request it was given). */
async function failWith(
  thrown: (input: RequestInfo | URL, init?: RequestInit) => unknown,
  maxRetries = 2,
) {
  let attempts = 0;
  const client = createConnectClient({
    baseUrl: server.url,
    accessToken: TOKEN,
    maxRetries,
    retryDelayMs: () => 1,
    fetch: (input, init) => {
      attempts++;
      return Promise.reject(thrown(input, init));
    },
  });
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.code).toBe("network");
  return { error, attempts };
}

/** Every way the token could show: message, properties, JSON, inspect, stack, of the error and its cause. */
function expectNoToken(error: ConnectError): void {
  const cause = error.cause as Record<string, unknown> | undefined;
  const views = [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    inspect(error, { depth: null, showHidden: true }),
    String(cause),
    String(cause?.stack),
    String(cause?.message),
    JSON.stringify(cause),
    JSON.stringify(Object.getOwnPropertyNames(Object(cause)).map((key) => String(cause?.[key]))),
    inspect(cause, { depth: null, showHidden: true, getters: true }),
  ];
  for (const view of views) expect(view).not.toContain(TOKEN);
}

const authorizationOf = (init?: RequestInit) =>
  new Headers(init?.headers).get("authorization") ?? "";

test("Node's refused connection: the runtime's error is the cause, with its code, and it was retried", async () => {
  let attempts = 0;
  const client = createConnectClient({
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    accessToken: TOKEN,
    retryDelayMs: () => 1,
    fetch: (input, init) => (attempts++, fetch(input, init)),
  });
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.code).toBe("network");
  expect(error.message).toBe("Network error (ECONNREFUSED)");
  expect(error.cause).toBeInstanceOf(TypeError);
  expect((error.cause as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
  expect(attempts).toBe(3);
  expectNoToken(error);
});

// What each runtime throws for a refused connection, as seen in that runtime
// (the cross-runtime tests in runtimes/ run the real ones).
test.each([
  {
    runtime: "Bun (code on the error itself)",
    make: () =>
      Object.assign(
        new TypeError("ECONNREFUSED: Unable to connect. Is the computer able to access the url?"),
        { code: "ECONNREFUSED", path: "http://127.0.0.1:1/", errno: 0 },
      ),
    attempts: 3,
    message: "Network error (ECONNREFUSED)",
  },
  {
    runtime: "Deno (prose only)",
    make: () =>
      new TypeError("fetch failed", {
        cause: new Error("client error (Connect): tcp connect error: Connection refused"),
      }),
    attempts: 1,
    message: "Network error",
  },
  {
    runtime: "Chromium (nothing at all)",
    make: () => new TypeError("Failed to fetch"),
    attempts: 1,
    message: "Network error",
  },
  {
    runtime: "a connection reset after sending (Node)",
    make: () =>
      new TypeError("fetch failed", {
        cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      }),
    attempts: 1,
    message: "Network error (ECONNRESET)",
  },
  {
    runtime: "a DOMException with a numeric code",
    make: () => new DOMException("Network failure", "NetworkError"),
    attempts: 1,
    message: "Network error",
  },
])("$runtime: retried only when certainly never sent", async ({ make, attempts, message }) => {
  const thrown = make();
  const result = await failWith(() => thrown);
  expect(result.attempts).toBe(attempts);
  expect(result.error.message).toBe(message);
  expect(result.error.cause).toBe(thrown);
});

test("a cause that holds the token anywhere is replaced by a redacted copy of its name and message", async () => {
  const carriers: [string, (input: RequestInfo | URL, init?: RequestInit) => unknown][] = [
    ["message", (_, init) => new TypeError(`refused: ${authorizationOf(init)}`)],
    ["a property", (_, init) => Object.assign(new Error("refused"), { sent: init })],
    [
      "a symbol-keyed property",
      (_, init) => Object.assign(new Error("refused"), { [Symbol("request")]: init }),
    ],
    [
      "a nested cause",
      (_, init) =>
        new TypeError("fetch failed", {
          cause: new Error("inner", { cause: { headers: init?.headers } }),
        }),
    ],
    [
      "a Request object",
      (input, init) =>
        Object.assign(new Error("refused"), { request: new Request(String(input), init) }),
    ],
    [
      "a Headers object",
      (_, init) => Object.assign(new Error("refused"), { headers: new Headers(init?.headers) }),
    ],
    [
      "the stack",
      (_, init) => {
        const error = new Error("refused");
        error.stack = `Error: refused\n    at send (${authorizationOf(init)})`;
        return error;
      },
    ],
    ["a thrown string", (_, init) => `refused: ${authorizationOf(init)}`],
  ];
  for (const [where, thrown] of carriers) {
    const { error } = await failWith(thrown, 0);
    expect(error.cause, where).toBeDefined();
    expectNoToken(error);
  }
  const { error } = await failWith(
    (_, init) => new TypeError(`refused: ${authorizationOf(init)}`),
    0,
  );
  expect(error.cause).toBeInstanceOf(Error);
  expect((error.cause as Error).name).toBe("TypeError");
  expect((error.cause as Error).message).toBe("refused: Bearer [redacted]");
});

test("a cause without the token is kept as the very object the runtime threw", async () => {
  const thrown = Object.assign(new TypeError("fetch failed"), { detail: { host: "127.0.0.1" } });
  const { error } = await failWith(() => thrown, 0);
  expect(error.cause).toBe(thrown);
  expectNoToken(error);
});

test("a cause too large to search whole is replaced by a redacted copy (fail closed)", async () => {
  // 1,500 objects come before the token: more than the search looks at.
  const padding = Array.from({ length: 1500 }, (_, index) => ({ index }));
  const { error } = await failWith(
    (_, init) =>
      Object.assign(new TypeError("fetch failed"), {
        padding,
        request: { authorization: authorizationOf(init) },
      }),
    0,
  );
  expect(inspect(error)).not.toContain(TOKEN);
  expectNoToken(error);
  expect(error.cause).toBeInstanceOf(Error);
  expect((error.cause as Error).message).toBe("fetch failed");
  expect(error.cause).not.toHaveProperty("request");
  expect(error.cause).not.toHaveProperty("padding");
});
