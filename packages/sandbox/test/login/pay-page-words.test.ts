// What the pay page's form answers, word for word, and what the sandbox's log
// says of each choice: a form too large, for no known payment, without this
// page's nonce (of any length), a second choice, and a later link re-pointed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAY_PAGE_PATH } from "../../../../openapi/fixtures.mjs";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { newPayLink } from "./helpers.js";

let sandbox: Sandbox;
const logLines: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ log: (line) => logLines.push(line) });
});
afterAll(() => sandbox.close());

const LINK = {
  clientId: "shop",
  returnUrl: "https://shop.example/return",
  errorUrl: "https://shop.example/error",
};
const pageUrl = (query: Record<string, string>) =>
  `${sandbox.loginServer}${PAY_PAGE_PATH}?${new URLSearchParams(query)}`;

/** Pay invoice, then the pay page opened: the transaction id and the form's nonce. */
async function openedPayment() {
  const { transactionId, payUrl } = await newPayLink(sandbox, LINK);
  const page = await (await fetch(payUrl)).text();
  return { id: String(transactionId), nonce: /name="nonce" value="([^"]+)"/.exec(page)![1]! };
}

async function post(form: Record<string, string> | string) {
  const response = await fetch(`${sandbox.loginServer}${PAY_PAGE_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: typeof form === "string" ? form : new URLSearchParams(form),
    redirect: "manual",
  });
  const html = await response.text();
  return {
    status: response.status,
    title: /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
    detail: /data-testid="problem">([^<]*)</.exec(html)?.[1],
  };
}

describe("the pay page's form", () => {
  it("refuses a form too large", async () => {
    expect(await post(`pad=${"x".repeat(70 * 1024)}`)).toEqual({
      status: 413,
      title: "Too large",
      detail: "The form is too large.",
    });
  });

  it("refuses a form for no payment it opened", async () => {
    expect(await post({ transactionId: "1", outcome: "finished", nonce: "n" })).toEqual({
      status: 400,
      title: "Bad request",
      detail: "Unknown transaction or outcome.",
    });
  });

  it("refuses a form without this page's nonce, shorter, longer or empty", async () => {
    const { id, nonce } = await openedPayment();
    for (const other of [nonce.slice(1), `${nonce}x`, ""]) {
      expect(await post({ transactionId: id, outcome: "finished", nonce: other })).toEqual({
        status: 403,
        title: "Not allowed",
        detail: "This form is not from the pay page.",
      });
    }
  });

  it("takes one choice, logs it, and names the payment's state after", async () => {
    const { id, nonce } = await openedPayment();
    logLines.length = 0;
    expect(await post({ transactionId: id, outcome: "failed", nonce })).toMatchObject({
      status: 303,
    });
    expect(logLines).toEqual([`transaction ${id}: failed`]);
    expect(await post({ transactionId: id, outcome: "finished", nonce })).toEqual({
      status: 409,
      title: "Already done",
      detail: `Transaction ${id} is already failed.`,
    });
  });

  it("logs why a later link goes to the first errorUrl", async () => {
    const { id } = await openedPayment();
    logLines.length = 0;
    const response = await fetch(
      pageUrl({ ...LINK, returnUrl: "https://elsewhere.example/", transactionId: id }),
      { redirect: "manual" },
    );
    expect(response.headers.get("location")).toBe(LINK.errorUrl);
    expect(logLines).toEqual([
      "pay page: returnUrl differs from the first link; redirecting to errorUrl",
    ]);
  });
});
