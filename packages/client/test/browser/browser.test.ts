// In a real browser, `redirect: "manual"` gives an opaque response (type
// "opaqueredirect", status 0) that Node never produces: the built client
// must treat it as unexpected_response, and the redirect target must see
// nothing. Runs the built package in headless Chromium against a server on
// 127.0.0.1 (the page, the API and the redirect target share its origin).
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PAY_INVOICE_PATH, PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import { buildInputs, staleInputs } from "../helpers/stale.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const here = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const entry = here("dist/index.js");
// The page's own script pays with the built client (written here as text: the
// test runner rewrites import() in functions it would send to the page).
const page = `<!doctype html>
<script type="module">
  import { createConnectClient } from "/dist/index.js";
  window.pay = async (baseUrl) => {
    // An explicit fetch, called as a plain function: what this test proves is
    // the redirect handling, not how the default fetch is bound.
    const client = createConnectClient({
      baseUrl,
      accessToken: "browser-token",
      fetch: (input, init) => fetch(input, init),
    });
    const body = ${JSON.stringify(PAY_INVOICE_REQUEST)};
    try {
      return { result: await client.payInvoice(body) };
    } catch ({ name, code, status }) {
      return { error: { name, code, status } };
    }
  };
  window.ready = true;
</script>`;

const reached: string[] = [];
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // Fail, never skip: a green run must mean the browser ran.
    throw new Error(`Chromium not found at ${CHROMIUM}: install it or set CHROMIUM_PATH.`);
  }
  if (staleInputs([entry], buildInputs()).length) {
    throw new Error("dist/ is older than src/: run `pnpm --filter @connect-payment/client build`");
  }
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (/^\/dist\/[\w-]+\.js$/.test(path)) {
      // The built files only: no import map, so a page that loaded openapi-fetch would fail.
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(readFileSync(here(path.slice(1))));
    } else if (path === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(page);
    } else if (path.startsWith("/redirect/")) {
      res.writeHead(307, { location: `/elsewhere${PAY_INVOICE_PATH}` });
      res.end();
    } else if (path.startsWith("/elsewhere/")) {
      reached.push(path);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: true, transactionId: 666 }));
    } else if (path.startsWith("/ok/")) {
      req.resume().on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ success: true, transactionId: 4242 }));
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Pays an invoice from inside the page with the built client; returns what happened. */
async function payInBrowser(scenario: string) {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${origin}/`);
    await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready);
    return await tab.evaluate(
      (baseUrl) => (window as unknown as { pay(url: string): Promise<unknown> }).pay(baseUrl),
      `${origin}/${scenario}`,
    );
  } finally {
    await tab.close();
  }
}

test("in Chromium, the built client pays an invoice", async () => {
  expect(await payInBrowser("ok")).toEqual({ result: { transactionId: 4242 } });
}, 30_000);

test("in Chromium, a 307 (an opaque redirect, status 0) is unexpected_response and is not followed", async () => {
  expect(await payInBrowser("redirect")).toEqual({
    error: { name: "ConnectError", code: "unexpected_response", status: 0 },
  });
  expect(reached).toEqual([]);
}, 30_000);
