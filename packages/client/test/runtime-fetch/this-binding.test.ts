// Browsers and workerd refuse a `fetch` called with a foreign `this` ("Illegal
// invocation"); Node does not. These tests make Node as strict, so the client
// is proven never to call fetch as a method of its own settings.
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { PAY_INVOICE_PATH } from "../../src/index.js";
import { json, startServer, validBody, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

const realFetch = globalThis.fetch;

/** A fetch as strict as a browser's: it throws unless `this` is the global object or undefined. */
function strictFetch(calls: unknown[] = []): typeof fetch {
  return function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    calls.push(this);
    if (this !== undefined && this !== globalThis) {
      throw new TypeError("Failed to execute 'fetch' on 'Window': Illegal invocation");
    }
    return realFetch(input, init);
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    ok: (_, res) => json(res, 200, { success: true, transactionId: 77 }),
  });
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllGlobals());

test("the strict fetch really refuses a foreign `this`, as a browser's does", () => {
  const settings = { fetch: strictFetch() };
  expect(() => settings.fetch(server.url)).toThrow("Illegal invocation");
});

test("the default fetch is called as the global's own, for payInvoice and raw", async () => {
  const calls: unknown[] = [];
  vi.stubGlobal("fetch", strictFetch(calls));
  const client = connectWithRaw({ baseUrl: server.baseUrl("ok"), accessToken: "tok-default" });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 77 });
  const { data } = await client.raw.POST(PAY_INVOICE_PATH, { body: validBody });
  expect(data).toEqual({ success: true, transactionId: 77 });
  expect(calls).toEqual([globalThis, globalThis]);
});

test("the default fetch is looked up at each request, so a fetch stubbed after creation is used", async () => {
  const client = connectWithRaw({ baseUrl: server.baseUrl("ok"), accessToken: "tok-late" });
  const calls: unknown[] = [];
  vi.stubGlobal("fetch", strictFetch(calls));
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 77 });
  expect(calls).toHaveLength(1);
});

test("a fetch the caller passes is called as a plain function, for payInvoice and raw", async () => {
  const calls: unknown[] = [];
  const client = connectWithRaw({
    baseUrl: server.baseUrl("ok"),
    accessToken: "tok-passed",
    fetch: strictFetch(calls),
  });
  await expect(client.payInvoice(validBody)).resolves.toEqual({ transactionId: 77 });
  const { data } = await client.raw.POST(PAY_INVOICE_PATH, { body: validBody });
  expect(data).toEqual({ success: true, transactionId: 77 });
  expect(calls).toEqual([undefined, undefined]);
});

test("without any global fetch and none passed, creating the client names the fetch option", () => {
  vi.stubGlobal("fetch", undefined);
  expect(() => connectWithRaw({ accessToken: "tok" })).toThrow(/fetch must be a function/);
});
