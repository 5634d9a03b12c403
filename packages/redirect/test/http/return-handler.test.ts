// A real round trip over HTTP: a merchant's return page on a node:http server,
// reached through a real redirect, checked with verifyPaymentReturn.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bindReturnUrl, verifyPaymentReturn } from "../../src/index.js";

const secret = "http-test-secret-0123456789abcdef";
const expectedOrigin = () => origin;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.url?.startsWith("/pay")) {
      // Plays ConnectID: redirect to returnUrl with the status appended.
      const url = new URL(req.url, origin);
      const back = new URL(url.searchParams.get("returnUrl")!);
      back.searchParams.append("paymentStatus", url.searchParams.get("outcome")!);
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    // The merchant's return page, as the README shows it.
    // req.url is the request target: verified as a path on the configured origin.
    const result = await verifyPaymentReturn(req.url!, {
      secret,
      expectedOrigin: expectedOrigin(),
    });
    res.writeHead(result.verified ? 200 : 400, { "content-type": "application/json" });
    res.end(JSON.stringify(result.verified ? { ...result, params: [...result.params] } : result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function payAndReturn(returnUrl: string, outcome: string) {
  const pay = `${origin}/pay?returnUrl=${encodeURIComponent(returnUrl)}&outcome=${outcome}`;
  const response = await fetch(pay); // follows the redirect like a browser
  return { status: response.status, body: await response.json() };
}

test("a bound return verifies on the merchant's server", async () => {
  const returnUrl = await bindReturnUrl(`${origin}/return?order=7`, { transactionId: 501, secret });
  expect(await payAndReturn(returnUrl, "finished")).toEqual({
    status: 200,
    body: { verified: true, status: "finished", transactionId: 501, params: [["order", "7"]] },
  });
});

test("a return bound for another payment is refused", async () => {
  const other = new URL(await bindReturnUrl(`${origin}/return`, { transactionId: 502, secret }));
  other.searchParams.set("cp_tx", "503");
  expect(await payAndReturn(other.href, "finished")).toEqual({
    status: 400,
    body: { verified: false, status: "finished", reason: "bad_signature" },
  });
});
