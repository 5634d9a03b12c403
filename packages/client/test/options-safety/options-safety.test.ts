// Options that would send a request somewhere wrong, or send the token in
// clear text, are refused when the client is created: nothing is ever sent.
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  ConnectError,
  createConnectClient,
  PAY_INVOICE_PATH,
  type ConnectClientOptions,
} from "../../src/index.js";
import { createRawClient } from "../../src/raw.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    ok: (_, res) => json(res, 200, { success: true, transactionId: 9 }),
  });
});
afterAll(() => server.close());

function issuesOf(options: Record<string, unknown>) {
  try {
    createConnectClient({ accessToken: "test-token", ...options } as ConnectClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("invalid_request");
    return (error as ConnectError).issues;
  }
  throw new Error("expected createConnectClient to throw");
}

test.each([
  ["a query", "https://api.example/capi?x=1"],
  ["an empty query", "https://api.example/capi?"],
  ["a fragment", "https://api.example/capi#top"],
])("a baseUrl with %s is refused (the path would land inside it)", (_, baseUrl) => {
  expect(issuesOf({ baseUrl })).toEqual([
    { field: "baseUrl", message: "must not have a query or fragment" },
  ]);
});

test("a baseUrl with a user or password is refused", () => {
  expect(issuesOf({ baseUrl: "https://user:pass@api.example/capi" })).toEqual([
    { field: "baseUrl", message: "must not contain a user or password" },
  ]);
});

test.each(["http://api.example/capi", "http://10.0.0.5/capi", "http://[::2]/capi"])(
  "plain http to %s is refused: the token would cross the network in clear text",
  (baseUrl) => {
    const [issue] = issuesOf({ baseUrl }) ?? [];
    expect(issue?.field).toBe("baseUrl");
    expect(issue?.message).toMatch(/^must be https .*allowInsecureHttp: true/);
  },
);

test.each([
  "http://localhost:8080/capi",
  "http://127.0.0.1:8080/capi",
  "http://127.1.2.3/capi",
  "http://[::1]:8080/capi",
])("plain http to loopback (%s) is allowed", (baseUrl) => {
  expect(() => createConnectClient({ baseUrl, accessToken: "test-token" })).not.toThrow();
});

test("allowInsecureHttp: true opts in to plain http on another host", () => {
  expect(() =>
    createConnectClient({
      baseUrl: "http://api.internal/capi",
      allowInsecureHttp: true,
      accessToken: "test-token",
    }),
  ).not.toThrow();
  expect(issuesOf({ allowInsecureHttp: "yes" })).toEqual([
    { field: "allowInsecureHttp", message: "must be a boolean" },
  ]);
});

test.each([["soon"], [500], [null]])("retryDelayMs %j is refused at creation", (retryDelayMs) => {
  expect(issuesOf({ baseUrl: server.url, retryDelayMs })).toEqual([
    { field: "retryDelayMs", message: "must be a function (attempt) => ms" },
  ]);
});

// The mutant "maxRetryAfterMs not checked" must die here.
test.each([-1, 1.5, Number.NaN, "60000", 2 ** 31])(
  "maxRetryAfterMs %s is refused at creation",
  (maxRetryAfterMs) => {
    expect(issuesOf({ baseUrl: server.url, maxRetryAfterMs })).toEqual([
      { field: "maxRetryAfterMs", message: "must be a non-negative integer" },
    ]);
  },
);

test("maxRetryAfterMs 0 is allowed (never wait for a Retry-After)", () => {
  expect(() =>
    createConnectClient({ baseUrl: server.url, accessToken: "t0ken", maxRetryAfterMs: 0 }),
  ).not.toThrow();
});

test.each([
  ["CR LF", "a\r\nX-Injected: 1"],
  ["LF", "a\nb"],
  ["CR", "a\rb"],
])("a header value with %s is refused at creation, naming the header", (_, value) => {
  expect(issuesOf({ baseUrl: server.url, headers: { "X-Trace": value } })).toEqual([
    { field: "headers.X-Trace", message: "must not contain CR or LF" },
  ]);
});

test("a header name that is not a token, or a value that is not a string, is refused", () => {
  expect(issuesOf({ baseUrl: server.url, headers: { "Bad Name": "x", "X-Count": 5 } })).toEqual([
    { field: "headers.Bad Name", message: "is not a valid header name" },
    { field: "headers.X-Count", message: "must be a string" },
  ]);
});

test("a token string with CR or LF is refused at creation", () => {
  expect(issuesOf({ baseUrl: server.url, accessToken: "abc\r\nX-Injected: 1" })).toEqual([
    { field: "accessToken", message: "must not contain CR or LF" },
  ]);
});

test.each([
  ["CR LF", "abc\r\nX-Injected: 1"],
  ["LF", "abc\ndef"],
])(
  "a token function giving a token with %s: invalid_request naming accessToken, nothing sent",
  async (_, token) => {
    const client = createConnectClient({ baseUrl: server.baseUrl("ok"), accessToken: () => token });
    const before = server.received.length;
    const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
    expect(error.code).toBe("invalid_request");
    expect(error.issues).toEqual([{ field: "accessToken", message: "must not contain CR or LF" }]);
    expect(error.message).not.toContain("abc");
    expect(server.received.length).toBe(before);
  },
);

test("the raw client refuses such a token the same way, sending nothing", async () => {
  const raw = createRawClient({ baseUrl: server.baseUrl("ok"), accessToken: () => "a\nb" });
  const before = server.received.length;
  const error = (await rejectionOf(
    raw.POST(PAY_INVOICE_PATH, { body: validBody }),
  )) as ConnectError;
  expect(error.code).toBe("invalid_request");
  expect(server.received.length).toBe(before);
});

test("an unknown environment is refused even when a baseUrl wins over it", () => {
  expect(issuesOf({ environment: "staging", baseUrl: server.url })).toEqual([
    { field: "environment", message: "must be production or test" },
  ]);
});
