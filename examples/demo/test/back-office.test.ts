// The back office against the sandbox: a payment whose customer closed the
// tab before the return is confirmed from the record in client mode and
// granted once; an unfinished one stays unpaid; a forged return changes
// nothing; only the page's own form on a loopback address may confirm.
import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { newCustomer } from "./shop.js";

let demo: Demo;
beforeEach(async () => {
  // No lag: a finished payment is in the record at once.
  demo = await startDemo({ login: false, paidRecordDelayMs: 0, confirmWaitMs: 0 });
});
afterEach(() => demo.close());
/** What the shop granted; `Promise.resolve` whether its records answer at once or from a shared store. */
const granted = () => Promise.resolve(demo.grants());

/** The staff's browser: opens the back office (session cookie, CSRF token) and posts its form. */
async function openBackOffice() {
  const page = await fetch(`${demo.merchantUrl}/back-office`);
  expect(page.status).toBe(200);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
  const html = await page.text();
  const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csrfToken).not.toBe("");
  const confirm = async (form: Record<string, string> = { csrfToken }, extra = {}) => {
    const response = await fetch(`${demo.merchantUrl}/back-office/confirm`, {
      method: "POST",
      headers: { cookie, ...extra },
      body: new URLSearchParams(form),
    });
    return { status: response.status, html: await response.text() };
  };
  return { html, confirm };
}

/** `data-invoice` of each element with the test id, in page order. */
const invoicesIn = (html: string, testId: string) =>
  [...html.matchAll(new RegExp(`data-testid="${testId}" data-invoice="([^"]+)"`, "g"))].map(
    ([, invoice]) => invoice,
  );

/** Starts paying the customer's `index`-th listed invoice; the pay page's URL. */
async function startPaying(index: number) {
  const customer = await newCustomer(demo.merchantUrl);
  const invoiceNumber = customer.invoices[index]!;
  const pay = await customer.pay({ paymentMethod: "vippsEcommerce", invoiceNumber });
  expect(pay.status).toBe(303);
  return { invoiceNumber, payUrl: pay.headers.get("location")! };
}

describe("the back office", () => {
  it("confirms the payment whose customer never came back once, and leaves the unfinished one unpaid", async () => {
    const paid = await startPaying(0);
    const unfinished = await startPaying(1);
    // Paid at the provider, tab closed: the return URL is never opened.
    demo.sandbox.completePayment(paid.payUrl, "finished");
    expect(await granted()).toEqual([]);

    const office = await openBackOffice();
    expect(invoicesIn(office.html, "unconfirmed")).toEqual([
      paid.invoiceNumber,
      unfinished.invoiceNumber,
    ]);
    expect(office.html).toContain('data-testid="staff-only"');

    const first = await office.confirm();
    expect(first.status).toBe(200);
    expect(invoicesIn(first.html, "confirmed")).toEqual([paid.invoiceNumber]);
    expect(invoicesIn(first.html, "unpaid")).toEqual([unfinished.invoiceNumber]);
    expect(first.html).toContain(`data-invoice="${unfinished.invoiceNumber}" data-state="unpaid"`);
    expect(invoicesIn(first.html, "unconfirmed")).toEqual([unfinished.invoiceNumber]);
    expect(await granted()).toEqual([
      expect.objectContaining({ invoiceNumber: paid.invoiceNumber, by: "back office" }),
    ]);

    // Again: nothing new is granted, the unfinished payment is still unpaid.
    const second = await office.confirm();
    expect(invoicesIn(second.html, "confirmed")).toEqual([]);
    expect(invoicesIn(second.html, "unpaid")).toEqual([unfinished.invoiceNumber]);
    expect(await granted()).toHaveLength(1);

    // Every client-mode call was made with the shop's own token, valid under the spec.
    const clientMode = demo.sandbox.requests().filter((r) => r.path.startsWith("/v1/client/"));
    expect(clientMode).toHaveLength(2);
    expect(clientMode.every((r) => r.status === 200 && r.requestIssues.length === 0)).toBe(true);
  });

  it("runs one check at a time: two clicks at once share one run and grant once", async () => {
    const { invoiceNumber, payUrl } = await startPaying(0);
    demo.sandbox.completePayment(payUrl, "finished");
    const office = await openBackOffice();
    const pages = await Promise.all([office.confirm(), office.confirm()]);
    // Whichever way the two requests meet the run, it is read once and granted once.
    const html = pages.map((page) => page.html).join("\n");
    expect(invoicesIn(html, "confirmed")).toContain(invoiceNumber);
    expect(invoicesIn(html, "granted-before")).toEqual([]);
    expect(await granted()).toHaveLength(1);
    expect(demo.sandbox.requests().filter((r) => r.path.startsWith("/v1/client/"))).toHaveLength(1);
  });

  it("leaves a payment unpaid when only a forged return claims it finished", async () => {
    const { invoiceNumber, payUrl } = await startPaying(0);
    // Cancelled at the provider; someone edits the bound return to say finished.
    const forged = new URL(demo.sandbox.completePayment(payUrl, "cancelled"));
    forged.searchParams.set(demo.sandbox.statusParam, "finished");
    const back = await fetch(forged);
    expect(back.status).toBeLessThan(500);
    expect(await granted()).toEqual([]);

    const { confirm } = await openBackOffice();
    const run = await confirm();
    expect(invoicesIn(run.html, "confirmed")).toEqual([]);
    expect(invoicesIn(run.html, "unpaid")).toEqual([invoiceNumber]);
    expect(await granted()).toEqual([]);
  });

  it("confirms nothing without the page's CSRF token, or from another site", async () => {
    const { payUrl } = await startPaying(0);
    demo.sandbox.completePayment(payUrl, "finished");
    const office = await openBackOffice();
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(office.html)![1]!;

    expect((await office.confirm({})).status).toBe(403);
    expect((await office.confirm({ csrfToken: `${csrfToken}x` })).status).toBe(403);
    const crossSite = await office.confirm({ csrfToken }, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect(await granted()).toEqual([]);
    expect(demo.sandbox.requests().filter((r) => r.path.startsWith("/v1/client/"))).toEqual([]);
  });

  it("answers only on a loopback address", async () => {
    const { port } = new URL(demo.merchantUrl);
    for (const host of ["shop.example", `attacker.example:${port}`]) {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        request({ host: "127.0.0.1", port, path: "/back-office", headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
          .on("error", reject)
          .end();
      });
      expect(status).toBe(404);
    }
    expect((await fetch(`${demo.merchantUrl}/back-office`)).status).toBe(200);
  });
});
