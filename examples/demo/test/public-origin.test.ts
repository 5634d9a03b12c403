// The shop builds every URL from its configured public origin: the return URL
// it binds, and the URL of each request it verifies. Behind a proxy at
// https://shop.example, the session cookie is Secure.
import { startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMerchant, type Merchant } from "../src/index.js";
import { requestUrl } from "../src/request-url.js";

describe("requestUrl()", () => {
  const origin = "https://shop.example";

  it("puts the configured origin in front of a plain path", () => {
    expect(requestUrl(origin, "/return?cp_tx=1&x=%2F")?.href).toBe(
      "https://shop.example/return?cp_tx=1&x=%2F",
    );
  });

  it.each([
    ["a protocol-relative target", "//evil.example/return?cp_tx=1"],
    ["an absolute-form target", "http://evil.example/return"],
    ["a target that is not a path", "*"],
    ["a backslash trick", "/\\evil.example/return"],
    ["no target", undefined],
  ])("refuses %s", (_, target) => {
    const url = requestUrl(origin, target);
    // Either refused, or still on the shop's own origin: never another one.
    if (url) expect(url.origin).toBe(origin);
    else expect(url).toBeUndefined();
  });

  it("never lets the target move the origin", () => {
    expect(requestUrl(origin, "//evil.example/return")).toBeUndefined();
    expect(requestUrl(origin, "/\\evil.example/return")?.origin ?? origin).toBe(origin);
  });
});

describe("a shop behind https://shop.example", () => {
  let sandbox: Sandbox;
  let merchant: Merchant;
  beforeAll(async () => {
    sandbox = await startSandbox();
    merchant = await startMerchant({
      apiUrl: sandbox.apiUrl,
      loginServer: sandbox.loginServer,
      accessToken: sandbox.signIn().accessToken,
      publicOrigin: "https://shop.example",
    });
  });
  afterAll(() => Promise.all([merchant.close(), sandbox.close()]));

  it("sends a Secure session cookie and binds return URLs on its public origin", async () => {
    expect(merchant.url).toBe("https://shop.example");
    const page = await fetch(`${merchant.listenUrl}/`);
    const cookie = page.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    const html = await page.text();
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(html)![1]!;
    const invoiceNumber = /name="invoiceNumber" value="([^"]+)"/.exec(html)![1]!;
    const pay = await fetch(`${merchant.listenUrl}/pay`, {
      method: "POST",
      headers: { cookie: cookie.split(";")[0]! },
      body: new URLSearchParams({ csrfToken, invoiceNumber, paymentMethod: "nexi" }),
      redirect: "manual",
    });
    const payUrl = pay.headers.get("location")!;
    const returnUrl = new URL(payUrl).searchParams.get("returnUrl")!;
    expect(returnUrl).toMatch(/^https:\/\/shop\.example\/return\?/);

    // The customer comes back through the proxy: the shop verifies on its public origin.
    const back = new URL(sandbox.completePayment(payUrl, "failed"));
    const shown = await fetch(`${merchant.listenUrl}${back.pathname}${back.search}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('data-testid="result-status">failed<');
  });
});
