// Debian's headless Chromium logs in with ConnectID on the sandbox, pays with
// the customer's token and checks the bound return; and denies a login.
import { mkdir, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { LISTED_PAYMENT_METHODS, PAYMENT_CHANGE_METHODS } from "@connect-payment/client";
import { PAYMENT_METHOD_NAMES, startDemo, type Demo } from "@connect-payment/demo";
import { PAYMENT_CHANGE_PAGE_PATH } from "@connect-payment/redirect";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The sandbox lists the spec's sample method until a change picks the spec's change method.
const [NEW_METHOD] = PAYMENT_CHANGE_METHODS;
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

let browser: Browser;
let demo: Demo;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  [browser, demo] = await Promise.all([launchChromium(), startDemo()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()]);
});

async function screenshot(page: Page, name: string): Promise<void> {
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  expect((await stat(path)).size).toBeGreaterThan(5_000);
}

/** From the merchant's first page to the sandbox's sign-in page. */
async function openSignIn(page: Page): Promise<void> {
  await page.goto(`${demo.merchantUrl}/`);
  const login = page.getByTestId("login");
  expect(await login.textContent()).toBe("Log in with ConnectID (sandbox)");
  await login.click();
  await page.waitForURL((url) =>
    url.href.startsWith(`${demo.sandbox.loginServer}/oauth/authorize?`),
  );
  expect(await page.getByTestId("login-title").textContent()).toBe("Log in with ConnectID");
}

describe("Log in with ConnectID in a real browser", () => {
  it("login → pay with the customer's token → bound return; the browser holds only a session cookie", async () => {
    // A fresh context: its own cookie jar.
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await openSignIn(page);
      await screenshot(page, "login-sign-in");
      await page.getByRole("button", { name: "Log in as Kari Nordmann" }).click();
      await page.waitForURL(`${demo.merchantUrl}/`);
      // The account page: Kari's unpaid invoices, listed with her own token.
      await expect.poll(() => page.getByTestId("invoice-number").count()).toBeGreaterThan(0);

      // Tokens stay on the server: one HttpOnly session cookie, nothing in storage.
      const cookies = await context.cookies(demo.merchantUrl);
      expect(cookies.map((c) => [c.name, c.httpOnly])).toEqual([["demo_session", true]]);
      expect(cookies[0]?.value).toMatch(/^[\w-]{43}$/);
      expect(await page.evaluate(() => document.cookie)).toBe("");
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

      await page.getByTestId("method-vippsEcommerce").check();
      await page.getByTestId("pay").click();
      await page.waitForURL((url) => url.href.startsWith(`${demo.sandbox.loginServer}/payment/`));
      const transactionId = Number(await page.getByTestId("pay-transaction-id").textContent());
      await page.getByRole("button", { name: "Pay", exact: true }).click();
      await page.waitForURL((url) => url.href.startsWith(`${demo.merchantUrl}/return?`));
      expect(await page.getByTestId("result-status").textContent()).toBe("finished");
      expect(await page.getByTestId("result-transaction-id").textContent()).toBe(
        String(transactionId),
      );
      expect(await page.getByTestId("verification-error").count()).toBe(0);
      expect(await page.textContent("body")).not.toMatch(/payment received|thank you/i);
      // The sandbox requires tokens it issued: the payment went through with Kari's.
      expect(demo.sandbox.transactions().find((t) => t.id === transactionId)?.outcome).toBe(
        "finished",
      );
      await screenshot(page, "login-paid");
    } finally {
      await context.close();
    }
  }, 30_000);

  it(`login → Change payment method → the sandbox's ${PAYMENT_CHANGE_PAGE_PATH} page → bound return → the new method listed`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    try {
      await openSignIn(page);
      await page.getByRole("button", { name: "Log in as Kari Nordmann" }).click();
      await page.waitForURL(`${demo.merchantUrl}/`);
      await page.getByTestId("payment-method-link").click();
      await page.waitForURL(`${demo.merchantUrl}/payment-method`);
      expect(await page.getByTestId("current-method").allTextContents()).toEqual([
        `${PAYMENT_METHOD_NAMES[LISTED_PAYMENT_METHODS[0]]} (active)`,
      ]);
      await page.getByTestId(`change-to-${NEW_METHOD}`).check();
      await page.getByTestId("change").click();
      await page.waitForURL((url) =>
        url.href.startsWith(`${demo.sandbox.loginServer}${PAYMENT_CHANGE_PAGE_PATH}?`),
      );
      expect(await page.getByTestId("change-method").textContent()).toBe(NEW_METHOD);
      const paymentChangeId = await page.getByTestId("change-id").textContent();
      await screenshot(page, "payment-change-page");
      await page.getByRole("button", { name: "Change", exact: true }).click();
      await page.waitForURL((url) =>
        url.href.startsWith(`${demo.merchantUrl}/payment-method/return?`),
      );
      expect(await page.getByTestId("change-result-status").textContent()).toBe("finished");
      expect(await page.getByTestId("change-result-id").textContent()).toBe(paymentChangeId);
      await page.getByTestId("back-to-methods").click();
      await page.waitForURL(`${demo.merchantUrl}/payment-method`);
      expect(await page.getByTestId("current-method").allTextContents()).toEqual([
        `${PAYMENT_METHOD_NAMES[NEW_METHOD]} (active)`,
      ]);
      // The method now in use is not offered again.
      expect(await page.getByTestId(`change-to-${NEW_METHOD}`).count()).toBe(0);
      await screenshot(page, "payment-method-changed");
      expect(cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it("a denied login shows access_denied and stays on the login page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await openSignIn(page);
      await page.getByTestId("login-deny").click();
      await page.waitForURL((url) => url.href.startsWith(`${demo.merchantUrl}/login/callback?`));
      expect(await page.getByTestId("login-failed").textContent()).toBe("You did not log in");
      expect(await page.getByTestId("login-error").textContent()).toBe("access_denied");
      await screenshot(page, "login-denied");
      await page.goto(`${demo.merchantUrl}/`);
      expect(await page.getByTestId("login").isVisible()).toBe(true);
      expect(await page.getByTestId("invoice-number").count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 30_000);
});
