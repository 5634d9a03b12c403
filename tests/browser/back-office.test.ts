// Debian's headless Chromium: the customer logs in, pays an invoice on the
// sandbox's pay page and closes the tab before the return reaches the shop.
// The shop's staff open the back office and confirm: the provider's record,
// read in client mode with the shop's own token, shows the payment paid, and
// it is granted exactly once; confirming again grants nothing new.
import { mkdir, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startDemo, type Demo } from "@connect-payment/demo";
import { SANDBOX_RECORD_TRIGGERS, SANDBOX_TRIGGERS } from "@connect-payment/sandbox";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
/** The sandbox's trigger invoices are listed too; the customer pays a plain one. */
const triggers = new Set<string>([
  ...Object.values(SANDBOX_TRIGGERS),
  ...Object.values(SANDBOX_RECORD_TRIGGERS),
]);

let browser: Browser;
let demo: Demo;
/** The demo's log: it shows whether the shop ever saw the return. */
const lines: string[] = [];
/** What the shop granted; `Promise.resolve` whether its records answer at once or from a shared store. */
const granted = () => Promise.resolve(demo.grants());

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  // The demo's record lag stays on: the back office's "Check again" waits it out, as staff would.
  [browser, demo] = await Promise.all([
    launchChromium(),
    startDemo({ log: (line) => lines.push(line) }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()]);
});

/** Logs in as Kari, pays a plain invoice on the pay page; the tab closes before the return. */
async function payAndCloseTheTab(page: Page) {
  await page.goto(`${demo.merchantUrl}/`);
  await page.getByTestId("login").click();
  await page.getByRole("button", { name: "Log in as Kari Nordmann" }).click();
  await page.waitForURL(`${demo.merchantUrl}/`);
  const listed = await page.getByTestId("invoice-number").allTextContents();
  const invoiceNumber = listed.find((n) => !triggers.has(n));
  expect(invoiceNumber, "an unpaid invoice that is not a sandbox trigger").toBeDefined();
  await page.getByTestId(`invoice-${invoiceNumber}`).check();
  await page.getByTestId("method-vippsEcommerce").check();
  await page.getByTestId("pay").click();
  await page.waitForURL((url) => url.href.startsWith(`${demo.sandbox.loginServer}/payment/`));
  const transactionId = Number(await page.getByTestId("pay-transaction-id").textContent());

  // The pay page's answer reaches the provider; its redirect back to the shop
  // is never followed: the customer closed the tab.
  const sandboxOrigin = new URL(demo.sandbox.loginServer).origin;
  const returnUrl = new Promise<string | undefined>((resolve) => {
    void page.route(
      (url) => url.origin === sandboxOrigin,
      async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        const answer = await route.fetch({ maxRedirects: 0 });
        await route.abort();
        resolve(answer.headers().location);
      },
    );
  });
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  const location = await returnUrl;
  await page.close();
  return { invoiceNumber: invoiceNumber!, transactionId, location };
}

/** Presses the back office's confirm button and waits for the page it answers. */
async function pressConfirm(office: Page): Promise<void> {
  await Promise.all([office.waitForEvent("framenavigated"), office.getByTestId("confirm").click()]);
  await office.waitForLoadState("load");
}

const invoicesOf = (office: Page, testId: string) =>
  office.getByTestId(testId).evaluateAll((items) => items.map((i) => i.dataset.invoice));

async function screenshot(page: Page, name: string): Promise<void> {
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  expect((await stat(path)).size).toBeGreaterThan(5_000);
}

describe("the back office in a real browser", () => {
  it("pays, closes the tab before the return; the back office confirms and grants once", async () => {
    const customer = await browser.newContext();
    const { invoiceNumber, transactionId, location } = await payAndCloseTheTab(
      await customer.newPage(),
    );
    await customer.close();
    // Paid at the provider, and the way back pointed at the shop's return page...
    expect(location).toMatch(new RegExp(`^${demo.merchantUrl}/return\\?`));
    expect(demo.sandbox.transactions().find((t) => t.id === transactionId)?.outcome).toBe(
      "finished",
    );
    // ...which the shop never saw: nothing granted.
    expect(lines.filter((line) => line.includes("return for transactionId"))).toEqual([]);
    expect(await granted()).toEqual([]);

    // The staff's own browser: no customer login.
    const staff = await browser.newContext();
    const cspViolations: string[] = [];
    staff.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const office = await staff.newPage();
    try {
      await office.goto(`${demo.merchantUrl}/back-office`);
      expect(await office.getByTestId("staff-only").isVisible()).toBe(true);
      expect(await invoicesOf(office, "unconfirmed")).toContain(invoiceNumber);

      // The record may lag: until it shows the payment, the run says it is not paid yet.
      await pressConfirm(office);
      for (let checks = 0; !(await invoicesOf(office, "confirmed")).includes(invoiceNumber);) {
        expect(checks++, "the record shows the payment within 60 checks").toBeLessThan(60);
        expect(await invoicesOf(office, "unpaid")).toContain(invoiceNumber);
        await office.waitForTimeout(250);
        await pressConfirm(office);
      }
      expect(await granted()).toEqual([{ invoiceNumber, transactionId, by: "back office" }]);
      expect(await invoicesOf(office, "unconfirmed")).not.toContain(invoiceNumber);
      const grantedRow = office.locator(`[data-testid="granted"][data-invoice="${invoiceNumber}"]`);
      expect(await grantedRow.getAttribute("data-by")).toBe("back office");
      await screenshot(office, "back-office-confirmed");

      // Confirming again grants nothing new.
      await pressConfirm(office);
      expect(await invoicesOf(office, "confirmed")).toEqual([]);
      expect(await granted()).toHaveLength(1);
      expect(await grantedRow.count()).toBe(1);

      // Every client-mode call was the shop's own, valid under the spec, and none hit a rate limit.
      // One confirm reads the record when it already shows the payment (a slow
      // machine lets the record's delay pass before the first press); more when it lags.
      const clientMode = demo.sandbox.requests().filter((r) => r.path.startsWith("/v1/client/"));
      expect(clientMode.length).toBeGreaterThan(0);
      expect(clientMode.every((r) => r.status === 200 && r.requestIssues.length === 0)).toBe(true);
      expect(cspViolations).toEqual([]);
    } finally {
      await staff.close();
    }
  }, 90_000);
});
