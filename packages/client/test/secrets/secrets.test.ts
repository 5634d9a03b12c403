// The access token must never leak through an error: not in its message,
// properties, JSON, util.inspect output or stack, on any error path.
import { inspect } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  ConnectError,
  createConnectClient,
  type ConnectErrorCode,
  type PayInvoiceRequest,
} from "../../src/index.js";
import { faultCases } from "../faults/cases.js";
import {
  closedPort,
  rejectionOf,
  startServer,
  validBody,
  type TestServer,
} from "../helpers/server.js";

const TOKEN = "SeCrEt-ToKeN-7f3a9c2e1d";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(
    Object.fromEntries(faultCases.map((c, index) => [`case-${index}`, c.handler])),
  );
});
afterAll(() => server.close());

function expectNoToken(error: unknown): void {
  expect(error).toBeInstanceOf(ConnectError);
  const e = error as ConnectError;
  const views = [
    e.message,
    String(e.stack),
    JSON.stringify(e),
    JSON.stringify(Object.getOwnPropertyDescriptors(e), (_, value: unknown) =>
      typeof value === "function" ? String(value) : value,
    ),
    inspect(e, { depth: null, showHidden: true }),
    String(e),
    inspect(e.cause, { depth: null, showHidden: true }),
  ];
  for (const view of views) expect(view).not.toContain(TOKEN);
}

async function errorPaths(): Promise<[string, unknown][]> {
  const paths: [string, unknown][] = [];
  for (const [index, c] of faultCases.entries()) {
    const client = createConnectClient({
      baseUrl: server.baseUrl(`case-${index}`),
      accessToken: () => TOKEN,
      // Longer than the test may take: only the cases that set their own timeout can end in one.
      timeoutMs: c.timeoutMs ?? 60_000,
      retryDelayMs: () => 1,
    });
    paths.push([c.name, await rejectionOf(client.payInvoice(validBody))]);
  }
  const withToken = (extra: object = {}) =>
    createConnectClient({ baseUrl: server.baseUrl("case-0"), accessToken: TOKEN, ...extra });
  paths.push([
    "invalid request",
    await rejectionOf(
      withToken().payInvoice({ ...validBody, invoiceNumber: 5 } as unknown as PayInvoiceRequest),
    ),
  ]);
  paths.push([
    "aborted",
    await rejectionOf(withToken().payInvoice(validBody, { signal: AbortSignal.abort() })),
  ]);
  paths.push([
    "network (connection refused)",
    await rejectionOf(
      createConnectClient({
        baseUrl: `http://127.0.0.1:${await closedPort()}`,
        accessToken: TOKEN,
        retryDelayMs: () => 1,
      }).payInvoice(validBody),
    ),
  ]);
  paths.push([
    "invalid options",
    await rejectionOf(Promise.resolve().then(() => withToken({ timeoutMs: -1 }))),
  ]);
  paths.push([
    "token function throws",
    await rejectionOf(
      createConnectClient({
        baseUrl: server.url,
        accessToken: () => {
          throw new Error("refresh failed");
        },
      }).payInvoice(validBody),
    ),
  ]);
  return paths;
}

test("the token appears in no error, on every error path and for every code", async () => {
  const paths = await errorPaths();
  for (const [, error] of paths) expectNoToken(error);
  const codes = new Set(paths.map(([, error]) => (error as ConnectError).code));
  const allCodes: ConnectErrorCode[] = [
    "invalid_request",
    "payment_not_added",
    "bad_request",
    "unauthorized",
    "forbidden",
    "not_found",
    "rate_limited",
    "server_error",
    "unexpected_response",
    "network",
    "timeout",
    "aborted",
    "token_unavailable",
  ];
  expect([...codes].sort()).toEqual([...allCodes].sort());
  // The token did reach the server, so its absence from the errors means something.
  expect(server.received.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
});

test("the client object itself does not show the token", () => {
  const client = createConnectClient({ baseUrl: server.url, accessToken: TOKEN });
  expect(inspect(client, { depth: null, showHidden: true })).not.toContain(TOKEN);
  expect(JSON.stringify(client)).not.toContain(TOKEN);
});
