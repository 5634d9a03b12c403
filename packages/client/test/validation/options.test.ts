import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, createConnectClient, type ConnectClientOptions } from "../../src/index.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    ok: (_, res) => json(res, 200, { success: true, transactionId: 1 }),
  });
});
afterAll(() => server.close());

function creationError(options: unknown): ConnectError {
  try {
    createConnectClient(options as ConnectClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectError);
    return error as ConnectError;
  }
  throw new Error("expected createConnectClient to throw");
}

test.each([
  ["not a URL", "nope"],
  ["a relative path", "/capi"],
  ["another protocol", "ftp://example.com"],
  ["an empty string", ""],
  ["a number", 42],
])("a baseUrl that is %s is rejected", (_, baseUrl) => {
  const error = creationError({ baseUrl, accessToken: "test-token" });
  expect(error.code).toBe("invalid_request");
  expect(error.issues).toEqual([{ field: "baseUrl", message: "must be an http(s) URL" }]);
});

test("an unknown environment is rejected", () => {
  expect(creationError({ environment: "staging", accessToken: "test-token" }).issues).toEqual([
    { field: "environment", message: "must be production or test" },
  ]);
});

test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "1000", 2 ** 31])(
  "timeoutMs %s is rejected",
  (timeoutMs) => {
    expect(
      creationError({ baseUrl: server.url, accessToken: "test-token", timeoutMs }).issues,
    ).toEqual([{ field: "timeoutMs", message: "must be a positive integer" }]);
  },
);

test.each([-1, 0.5, "2"])("maxRetries %s is rejected", (maxRetries) => {
  expect(
    creationError({ baseUrl: server.url, accessToken: "test-token", maxRetries }).issues,
  ).toEqual([{ field: "maxRetries", message: "must be a non-negative integer" }]);
});

test.each([
  ["missing", undefined],
  ["empty", ""],
  ["blank", "   "],
  ["a number", 123],
  ["null", null],
])("an accessToken that is %s is rejected", (_, accessToken) => {
  expect(creationError({ baseUrl: server.url, accessToken }).issues).toEqual([
    { field: "accessToken", message: "must be a non-empty string or a function" },
  ]);
});

test("no options at all names the token", () => {
  expect(creationError(undefined).issues?.map((issue) => issue.field)).toEqual(["accessToken"]);
});

test("every bad option is reported at once", () => {
  const error = creationError({ baseUrl: "x", accessToken: "", timeoutMs: -5, fetch: "no" });
  expect(error.issues?.map((issue) => issue.field)).toEqual([
    "accessToken",
    "baseUrl",
    "fetch",
    "timeoutMs",
  ]);
  expect(error.message).toContain("baseUrl must be an http(s) URL");
});

test.each([
  ["returns an empty string", () => "", "must be a non-empty string"],
  ["resolves to an empty string", async () => "", "must be a non-empty string"],
  ["returns a non-string", () => 42 as unknown as string, "must be a non-empty string"],
])(
  "a token function that %s gives invalid_request and sends nothing",
  async (_, accessToken, message) => {
    const client = createConnectClient({ baseUrl: server.baseUrl("ok"), accessToken });
    const before = server.count("ok");
    const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.code).toBe("invalid_request");
    expect(error.issues).toEqual([{ field: "accessToken", message }]);
    expect(server.count("ok")).toBe(before);
  },
);

test.each([
  [
    "throws",
    (failure: Error) => () => {
      throw failure;
    },
  ],
  ["rejects", (failure: Error) => () => Promise.reject(failure)],
])(
  "a token function that %s gives token_unavailable, its error as the cause, called once, nothing sent",
  async (_, make) => {
    const failure = Object.assign(new Error("refresh failed"), { code: "login_required" });
    let calls = 0;
    const throwing = make(failure);
    const client = createConnectClient({
      baseUrl: server.baseUrl("ok"),
      maxRetries: 2,
      retryDelayMs: () => 0,
      accessToken: () => {
        calls++;
        return throwing();
      },
    });
    const before = server.count("ok");
    const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.code).toBe("token_unavailable");
    expect(error.cause).toBe(failure);
    expect(error.issues).toBeUndefined();
    expect(error.message).toBe("The accessToken function gave no token; its error is the cause");
    // Not retried as a request error: the function was asked once, and nothing went out.
    expect(calls).toBe(1);
    expect(server.count("ok")).toBe(before);
  },
);
