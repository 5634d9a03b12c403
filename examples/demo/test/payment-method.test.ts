// "Change payment method" for the logged-in customer: the product's methods
// (List payment methods), the change (Change payment method), the login
// server's /paymentChange page, and the bound return.
import { LISTED_PAYMENT_METHODS, PAYMENT_CHANGE_METHODS } from "@connect-payment/client";
import { PAYMENT_CHANGE_PAGE_PATH } from "@connect-payment/redirect";
import { PAYMENT_METHOD_NAMES } from "../src/invoice.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { walkLogin } from "./walker/walk-login.mjs";

// The sandbox lists the spec's sample method until a change picks the spec's change method.
const [LISTED] = LISTED_PAYMENT_METHODS;
const [NEW_METHOD] = PAYMENT_CHANGE_METHODS;

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.close());

async function methodsPage(cookie: string) {
  const page = await fetch(`${demo.merchantUrl}/payment-method`, {
    headers: { cookie },
    redirect: "manual",
  });
  const html = await page.text();
  return { page, html, csrfToken: /name="csrfToken" value="([^"]+)"/.exec(html)?.[1] ?? "" };
}

describe("Change payment method in the demo", () => {
  it("lists the methods, changes one end to end, and lists the new one", async () => {
    const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl });
    const before = await methodsPage(cookie as string);
    expect(before.page.status).toBe(200);
    expect(before.html).toContain(
      `data-testid="current-method" data-method="${LISTED}">${PAYMENT_METHOD_NAMES[LISTED]} (active)`,
    );
    expect(before.html).toContain(`data-testid="change-to-${NEW_METHOD}"`);

    const change = await fetch(`${demo.merchantUrl}/payment-method/change`, {
      method: "POST",
      headers: { cookie: cookie as string },
      body: new URLSearchParams({
        csrfToken: before.csrfToken,
        paymentMethod: NEW_METHOD,
      }),
      redirect: "manual",
    });
    expect(change.status).toBe(303);
    const changeUrl = change.headers.get("location")!;
    expect(changeUrl.startsWith(`${demo.sandbox.loginServer}${PAYMENT_CHANGE_PAGE_PATH}?`)).toBe(
      true,
    );

    const back = demo.sandbox.completePaymentChange(changeUrl, "finished");
    expect(back.startsWith(`${demo.merchantUrl}/payment-method/return?`)).toBe(true);
    const result = await (await fetch(back, { headers: { cookie: cookie as string } })).text();
    expect(result).toContain('data-testid="change-result-status">finished');

    const after = await methodsPage(cookie as string);
    expect(after.html).toContain(
      `data-testid="current-method" data-method="${NEW_METHOD}">${PAYMENT_METHOD_NAMES[NEW_METHOD]} (active)`,
    );
    // The method now active is not offered again.
    expect(after.html).not.toContain(`data-testid="change-to-${NEW_METHOD}"`);
  });

  it("a change without the session's CSRF token is refused; nothing reaches the API", async () => {
    const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl });
    const before = demo.sandbox.requests().length;
    const forged = await fetch(`${demo.merchantUrl}/payment-method/change`, {
      method: "POST",
      headers: { cookie: cookie as string },
      body: new URLSearchParams({
        csrfToken: "forged",
        paymentMethod: NEW_METHOD,
      }),
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    expect(demo.sandbox.requests().length).toBe(before);
  });

  it("without a login, the page goes back to the login page; nothing reaches the API", async () => {
    const before = demo.sandbox.requests().length;
    const { page } = await methodsPage("");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/");
    expect(demo.sandbox.requests().length).toBe(before);
  });
});
