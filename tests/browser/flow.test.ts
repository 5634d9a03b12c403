// Debian's headless Chromium clicks through the demo merchant and the
// sandbox's pay page, and checks what the merchant shows at the end.
import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startDemo, type Demo } from "@connect-payment/demo";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

let browser: Browser;
// One context for all flows: a new page in it is much cheaper than a new context.
let context: BrowserContext;
let demo: Demo;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // Fail, never skip: a green run must mean the browser flow ran.
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: \`apt-get install -y chromium\`), ` +
        "or set CHROMIUM_PATH to a Chromium binary. `pnpm test:all` installs it when it can.",
    );
  }
  await mkdir(ARTIFACTS, { recursive: true });
  [browser, demo] = await Promise.all([
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }),
    startDemo(),
  ]);
  context = await browser.newContext();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()]);
});

/** Opens the invoice, picks a method, pays, and lands on the sandbox's pay page. */
async function startPayment(page: Page, method: string): Promise<number> {
  await page.goto(`${demo.merchantUrl}/`);
  await expect.poll(() => page.getByTestId("invoice-number").textContent()).toBe("7435367");
  await page.getByTestId(`method-${method}`).check();
  await page.getByTestId("pay").click();
  await page.waitForURL((url) => url.href.startsWith(`${demo.sandbox.loginServer}/`));
  expect(await page.getByTestId("pay-title").textContent()).toBe("Pay invoice 7435367");
  return Number(await page.getByTestId("pay-transaction-id").textContent());
}

async function screenshot(page: Page, name: string): Promise<void> {
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  expect((await stat(path)).size).toBeGreaterThan(5_000);
}

describe("the payment flow in a real browser", () => {
  it.each([
    { outcome: "finished", button: "Pay", method: "vippsEcommerce", message: "Payment received" },
    { outcome: "cancelled", button: "Cancel", method: "nexi", message: "You cancelled" },
    { outcome: "failed", button: "Fail", method: "creditcardPayex", message: "could not be made" },
  ])(
    "clicking $button shows the verified $outcome on the merchant's page",
    async ({ outcome, button, method, message }) => {
      const page = await context.newPage();
      try {
        const transactionId = await startPayment(page, method);
        await page.getByRole("button", { name: button, exact: true }).click();
        await page.waitForURL((url) => url.href.startsWith(`${demo.merchantUrl}/return?`));

        expect(new URL(page.url()).searchParams.get("paymentStatus")).toBe(outcome);
        expect(await page.getByTestId("result-status").textContent()).toBe(outcome);
        expect(await page.getByTestId("result-transaction-id").textContent()).toBe(
          String(transactionId),
        );
        expect(await page.getByTestId("result-verified").textContent()).toBe("signature verified");
        expect(await page.getByTestId("result-message").textContent()).toContain(message);
        expect(await page.getByTestId("try-again").count()).toBe(outcome === "finished" ? 0 : 1);
        const stored = demo.sandbox.transactions().find((t) => t.id === transactionId);
        expect(stored?.request.paymentMethod).toBe(method);
        await screenshot(page, outcome);
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
});
