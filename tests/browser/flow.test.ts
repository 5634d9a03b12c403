// Debian's headless Chromium clicks through the demo merchant and the
// sandbox's pay page, the whole job: picks one of the customer's unpaid
// invoices, pays it, comes back, and checks the provider's record until it
// shows the invoice paid; and checks what the merchant shows and grants.
import { mkdir, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { PRODUCT, startDemo, type Demo } from "@connect-payment/demo";
import { SANDBOX_RECORD_TRIGGERS, SANDBOX_TRIGGERS } from "@connect-payment/sandbox";
import { createConnectClient, PAYMENT_METHODS } from "@connect-payment/client";
import { DEFAULT_STATUS_PARAM } from "@connect-payment/redirect";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../helpers/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

let browser: Browser;
// One context for all flows: a new page in it is much cheaper than a new context.
let context: BrowserContext;
let demo: Demo;
/** The same demo with the sandbox appending the result under other names. */
const renamed = new Map<string, Demo>();
/** Every Content Security Policy complaint the browser printed: the pages must not cause any. */
const cspViolations: string[] = [];

/** The result parameter's name is not documented: the flow must pass under each. */
const RESULT_PARAM_NAMES = ["paymentStatus", "status", "result"] as const;
/** The shop's product: the account page lists its invoices. */
const PRODUCT_CODE = PRODUCT.productCode;
/** The sandbox's trigger invoices are listed too; the flows pay plain ones. */
const triggers = new Set<string>([
  ...Object.values(SANDBOX_TRIGGERS),
  ...Object.values(SANDBOX_RECORD_TRIGGERS),
]);

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  [browser, demo] = await Promise.all([
    launchChromium(),
    // The pay and return pages; login.test.ts walks the login in front of them.
    startDemo({ login: false }),
  ]);
  for (const name of RESULT_PARAM_NAMES.slice(1)) {
    renamed.set(name, await startDemo({ statusParam: name, login: false }));
  }
  context = await browser.newContext();
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([
    browser?.close(),
    demo?.close(),
    ...[...renamed.values()].map((d) => d.close()),
  ]);
});

/** The provider's record of the customer's unpaid invoices, read directly, as the shop's customer. */
async function unpaidInRecord(shop = demo): Promise<string[]> {
  const client = createConnectClient({
    baseUrl: shop.sandbox.apiUrl,
    accessToken: shop.sandbox.signIn().accessToken,
  });
  // With dates: without them the provider may answer only the latest invoice.
  const { invoices } = await client.listInvoices(PRODUCT_CODE, {
    unpaid: true,
    from: "2000-01-01",
    to: "2099-12-31",
  });
  return invoices.map((invoice) => String(invoice.invoiceNumber));
}

/**
 * Opens the account page, picks the first unpaid invoice it lists that is
 * not a sandbox trigger, and a method, pays, and lands on the sandbox's pay page.
 */
async function startPayment(
  page: Page,
  method: string,
  shop = demo,
): Promise<{ transactionId: number; invoiceNumber: string }> {
  await page.goto(`${shop.merchantUrl}/`);
  const listed = await page.getByTestId("invoice-number").allTextContents();
  // What the page lists is what the provider's record lists as unpaid.
  expect(listed.length).toBeGreaterThan(0);
  expect([...listed].sort()).toEqual((await unpaidInRecord(shop)).sort());
  const invoiceNumber = listed.find((n) => !triggers.has(n));
  expect(invoiceNumber, "an unpaid invoice that is not a sandbox trigger").toBeDefined();
  await page.getByTestId(`invoice-${invoiceNumber}`).check();
  await page.getByTestId(`method-${method}`).check();
  await page.getByTestId("pay").click();
  await page.waitForURL((url) => url.href.startsWith(`${shop.sandbox.loginServer}/`));
  expect(await page.getByTestId("pay-title").textContent()).toBe(`Pay invoice ${invoiceNumber}`);
  const transactionId = Number(await page.getByTestId("pay-transaction-id").textContent());
  return { transactionId, invoiceNumber: invoiceNumber! };
}

/** Presses "Check again" until the record part shows the invoice paid. */
async function checkUntilPaid(page: Page): Promise<string> {
  const record = page.getByTestId("record-message");
  for (let checks = 0; (await record.getAttribute("data-state")) !== "paid"; checks++) {
    expect(checks, "the record shows the payment within 30 checks").toBeLessThan(30);
    expect(await record.textContent()).toContain("Not confirmed yet");
    // The same URL again: wait for the new page itself, not the old one's load state.
    await Promise.all([
      page.waitForEvent("framenavigated"),
      page.getByTestId("check-again").click(),
    ]);
    await page.waitForLoadState("load");
  }
  return (await record.textContent()) ?? "";
}

async function screenshot(page: Page, name: string): Promise<void> {
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  expect((await stat(path)).size).toBeGreaterThan(5_000);
}

describe("the payment flow in a real browser", () => {
  // Each outcome pays with another of the spec's methods.
  it.each(
    [
      { outcome: "finished", button: "Pay", message: "You finished at the payment service" },
      { outcome: "cancelled", button: "Cancel", message: "You cancelled the payment" },
      { outcome: "failed", button: "Fail", message: "did not go through" },
    ].map((row, i) => ({ ...row, method: PAYMENT_METHODS[i]! })),
  )(
    "clicking $button shows the bound return's $outcome on the merchant's page",
    async ({ outcome, button, method, message }) => {
      const page = await context.newPage();
      try {
        const { transactionId, invoiceNumber } = await startPayment(page, method);
        await page.getByRole("button", { name: button, exact: true }).click();
        await page.waitForURL((url) => url.href.startsWith(`${demo.merchantUrl}/return?`));

        expect(new URL(page.url()).searchParams.get("paymentStatus")).toBe(outcome);
        expect(await page.getByTestId("result-status").textContent()).toBe(outcome);
        expect(await page.getByTestId("result-transaction-id").textContent()).toBe(
          String(transactionId),
        );
        // A bound return: the page shows the result, not the refusal.
        expect(await page.getByTestId("verification-error").count()).toBe(0);
        expect(await page.getByTestId("result-message").textContent()).toContain(message);
        expect(await page.textContent("body")).not.toMatch(/payment received|thank you/i);
        expect(await page.getByTestId("try-again").count()).toBe(outcome === "finished" ? 0 : 1);
        const stored = demo.sandbox.transactions().find((t) => t.id === transactionId);
        expect(stored?.request.paymentMethod).toBe(method);
        // The record, apart from the link's claim: "Paid" only once the provider records it.
        expect(await page.getByTestId("record-part").textContent()).toContain(
          `invoice ${invoiceNumber}`,
        );
        if (outcome === "finished") {
          expect(await checkUntilPaid(page)).toBe(
            `Paid: the provider's record of invoice ${invoiceNumber} shows it paid.`,
          );
          expect((await demo.grants()).map((g) => g.invoiceNumber)).toContain(invoiceNumber);
          expect(await unpaidInRecord()).not.toContain(invoiceNumber);
        } else {
          expect(await page.getByTestId("record-message").textContent()).toContain(
            "Not confirmed yet",
          );
          expect(await page.getByTestId("check-again").count()).toBe(1);
          expect((await demo.grants()).map((g) => g.invoiceNumber)).not.toContain(invoiceNumber);
          expect(await unpaidInRecord()).toContain(invoiceNumber);
        }
        await screenshot(page, outcome);
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it("a tampered return: cancelled at the provider, then the status edited to finished", async () => {
    const page = await context.newPage();
    try {
      const { invoiceNumber } = await startPayment(page, "nexi");
      await page.getByRole("button", { name: "Cancel", exact: true }).click();
      await page.waitForURL((url) => url.href.startsWith(`${demo.merchantUrl}/return?`));
      expect(await page.getByTestId("result-status").textContent()).toBe("cancelled");

      // The customer edits the address bar: the signed id stays, the status changes.
      const edited = new URL(page.url());
      edited.searchParams.set("paymentStatus", "finished");
      await page.goto(edited.href);
      expect(await page.getByTestId("result-status").textContent()).toBe("finished");
      const body = (await page.textContent("body")) ?? "";
      expect(body).not.toMatch(/payment received|thank you/i);
      // The record decides: still unpaid, so not confirmed, and nothing is granted.
      expect(await page.getByTestId("record-message").getAttribute("data-state")).not.toBe("paid");
      expect(await page.getByTestId("record-message").textContent()).toContain("Not confirmed yet");
      expect(await unpaidInRecord()).toContain(invoiceNumber);
      expect((await demo.grants()).map((g) => g.invoiceNumber)).not.toContain(invoiceNumber);

      // And a changed transaction id is refused outright.
      const moved = new URL(page.url());
      moved.searchParams.set("cp_tx", String(Number(moved.searchParams.get("cp_tx")) + 1));
      await page.goto(moved.href);
      expect(await page.getByTestId("verification-error").isVisible()).toBe(true);
      expect(await page.getByTestId("verification-error-code").textContent()).toBe("bad_signature");
      await screenshot(page, "tampered");
    } finally {
      await page.close();
    }
  }, 30_000);

  // The default name's flow is the one above.
  it.each(RESULT_PARAM_NAMES.filter((n) => n !== DEFAULT_STATUS_PARAM))(
    "the flow passes when the result comes back as %s, with the SDK's defaults",
    async (name) => {
      const shop = renamed.get(name)!;
      const page = await context.newPage();
      try {
        const { transactionId } = await startPayment(page, "swishPayex", shop);
        await page.getByRole("button", { name: "Pay", exact: true }).click();
        await page.waitForURL((url) => url.href.startsWith(`${shop.merchantUrl}/return?`));
        expect(new URL(page.url()).searchParams.get(name)).toBe("finished");
        expect(await page.getByTestId("result-status").textContent()).toBe("finished");
        expect(await page.getByTestId("result-transaction-id").textContent()).toBe(
          String(transactionId),
        );
      } finally {
        await page.close();
      }
    },
    30_000,
  );

  it("a system error at the payment page lands on the merchant's errorUrl page", async () => {
    const page = await context.newPage();
    try {
      await startPayment(page, "swishPayex");
      await page.getByText("Other outcomes").click();
      await page.getByTestId("pay-system_error").click();
      await page.waitForURL(`${demo.merchantUrl}/payment-error`);
      expect(await page.getByTestId("system-error").isVisible()).toBe(true);
      await screenshot(page, "system-error");
    } finally {
      await page.close();
    }
  }, 30_000);

  it("a cross-site page cannot start a payment with the customer's session", async () => {
    // The customer has a session at the shop…
    const page = await context.newPage();
    try {
      await page.goto(`${demo.merchantUrl}/`);
      const before = demo.sandbox.requests().length;
      // …and visits another site (localhost is another site than 127.0.0.1)
      // whose page posts a form to the shop's /pay.
      const attacker = createServer((_, response) => {
        response.writeHead(200, { "content-type": "text/html" });
        response.end(
          `<form method="post" action="${demo.merchantUrl}/pay">` +
            `<input name="paymentMethod" value="nexi"><button id="go">Win a prize</button></form>`,
        );
      });
      await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
      try {
        const { port } = attacker.address() as AddressInfo;
        await page.goto(`http://localhost:${port}/`);
        await page.click("#go");
        await page.waitForURL(`${demo.merchantUrl}/pay`);
        expect(await page.getByTestId("forbidden").isVisible()).toBe(true);
        expect(demo.sandbox.requests()).toHaveLength(before);
      } finally {
        await new Promise<void>((resolve) => attacker.close(() => resolve()));
      }
    } finally {
      await page.close();
    }
  }, 30_000);

  it("no page broke its Content Security Policy", () => {
    expect(cspViolations).toEqual([]);
  });
});
