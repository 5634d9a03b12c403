// The API documents no redirect, so the client never follows one: a 3xx would
// otherwise re-send the Pay invoice body (and the token) to wherever it points.
import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, PAY_INVOICE_PATH } from "../../src/index.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

let api: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  // Another origin (its own port) that would happily accept the payment.
  elsewhere = await startServer({
    pay: (_, res) => json(res, 200, { success: true, transactionId: 666 }),
  });
  const to = (status: number) => (_: unknown, res: import("node:http").ServerResponse) => {
    res.writeHead(status, { location: `${elsewhere.baseUrl("pay")}${PAY_INVOICE_PATH}` });
    res.end();
  };
  api = await startServer({ "307": to(307), "308": to(308), "302": to(302), "301": to(301) });
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});

const client = (scenario: string) =>
  connectWithRaw({ baseUrl: api.baseUrl(scenario), accessToken: "redirect-token" });

test.each(["301", "302", "307", "308"])(
  "a %s to another origin is unexpected_response, and nothing reaches the other origin",
  async (status) => {
    const error = (await rejectionOf(client(status).payInvoice(validBody))) as ConnectError;
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.code).toBe("unexpected_response");
    expect(error.status).toBe(Number(status));
    expect(elsewhere.received).toEqual([]);
  },
);

test("the raw client does not follow redirects either", async () => {
  const error = (await rejectionOf(
    client("307").raw.POST(PAY_INVOICE_PATH, { body: validBody }),
  )) as ConnectError;
  expect(error.code).toBe("unexpected_response");
  expect(elsewhere.received).toEqual([]);
});

test("fetch is asked not to follow (redirect: manual)", async () => {
  const seen: (RequestRedirect | undefined)[] = [];
  const spy: typeof fetch = (input, init) => {
    seen.push(init?.redirect);
    return fetch(input, init);
  };
  const error = (await rejectionOf(
    connectWithRaw({ baseUrl: api.baseUrl("307"), accessToken: "t0k", fetch: spy }).payInvoice(
      validBody,
    ),
  )) as ConnectError;
  expect(error.code).toBe("unexpected_response");
  expect(seen).toEqual(["manual"]);
});

// Unit level: a browser's fetch answers a manual redirect with an opaque
// response (type "opaqueredirect", status 0), which Node cannot produce.
test("a browser's opaque-redirect response (status 0) is unexpected_response", async () => {
  const opaque = {
    type: "opaqueredirect",
    status: 0,
    ok: false,
    headers: new Headers(),
    body: null,
  } as unknown as Response;
  const error = (await rejectionOf(
    connectWithRaw({
      baseUrl: "https://api.example/capi",
      accessToken: "t0k",
      fetch: async () => opaque,
    }).payInvoice(validBody),
  )) as ConnectError;
  expect(error.code).toBe("unexpected_response");
  expect(error.status).toBe(0);
});
