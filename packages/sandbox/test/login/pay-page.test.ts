import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PAY_PAGE_PATH,
  PAYMENT_RESULT_STATUSES,
} from "../../../../openapi/fixtures.mjs";
import { startSandbox, type Sandbox } from "../../src/index.js";

const RETURN_URL = "https://merchant.example/return?order=7&sig=a%2Bb#receipt";
const ERROR_URL = "https://merchant.example/error";

let sandbox: Sandbox;
let renamed: Sandbox;
beforeAll(async () => {
  [sandbox, renamed] = await Promise.all([startSandbox(), startSandbox({ statusParam: "result" })]);
});
afterAll(() => Promise.all([sandbox.close(), renamed.close()]));

async function createTransaction(
  target: Sandbox,
  invoiceNumber = PAY_INVOICE_REQUEST.invoiceNumber,
): Promise<number> {
  const response = await fetch(`${target.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${target.signIn().accessToken}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      ...PAY_INVOICE_REQUEST,
      invoiceNumber,
      paymentMethod: "vippsEcommerce",
    }),
  });
  return ((await response.json()) as { transactionId: number }).transactionId;
}

function payPageUrl(target: Sandbox, params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${target.loginServer}${PAY_PAGE_PATH}?${query}`;
}

/** The nonce of the last pay page opened for each transaction, as its form carries it. */
const nonces = new Map<number, string>();

async function open(target: Sandbox, params: Record<string, string | number>) {
  const response = await fetch(payPageUrl(target, params), { redirect: "manual" });
  const html = response.status === 200 ? await response.text() : "";
  const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1];
  if (nonce) nonces.set(Number(params.transactionId), nonce);
  return { response, html };
}

function choose(target: Sandbox, transactionId: number, outcome: string, nonce?: string) {
  return fetch(`${target.loginServer}${PAY_PAGE_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      transactionId: String(transactionId),
      outcome,
      nonce: nonce ?? nonces.get(transactionId) ?? "",
    }),
    redirect: "manual",
  });
}

const valid = (transactionId: number) => ({
  clientId: "no.mediaconnect.test",
  returnUrl: RETURN_URL,
  errorUrl: ERROR_URL,
  transactionId,
});

describe(`GET ${PAY_PAGE_PATH}`, () => {
  it("shows the payment with its invoice, method and Pay/Cancel/Fail buttons", async () => {
    // Pay invoice pays only invoices the record holds: this one is added first.
    sandbox.addInvoice({ invoiceNumber: "<b>x</b>" });
    const id = await createTransaction(sandbox, "<b>x</b>");
    const response = await fetch(payPageUrl(sandbox, valid(id)));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Pay invoice &lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("<b>x</b>");
    expect(html).toContain("Vipps eCommerce payment");
    expect(html).toContain("no.mediaconnect.test");
    for (const outcome of ["finished", "cancelled", "failed", "system_error"]) {
      expect(html).toContain(`data-testid="pay-${outcome}"`);
    }
  });

  it("sends every page with a CSP that forbids framing and scripts", async () => {
    const id = await createTransaction(sandbox);
    const { response } = await open(sandbox, valid(id));
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const problem = await fetch(payPageUrl(sandbox, { ...valid(id), transactionId: 1 }));
    expect(problem.headers.get("content-security-policy")).toBe(csp);
  });

  it.each([
    ["the transaction is unknown", { transactionId: 999 }],
    ["transactionId is not a number", { transactionId: "abc" }],
    ["transactionId is beyond 2^53-1", { transactionId: "9007199254740993" }],
  ])("shows a page, never a redirect, when %s", async (_, override) => {
    const id = await createTransaction(sandbox);
    const response = await fetch(payPageUrl(sandbox, { ...valid(id), ...override }), {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Unknown payment");
  });

  it.each([
    ["clientId is missing", { clientId: "" }],
    ["returnUrl is not a URL", { returnUrl: "/relative" }],
    ["returnUrl is not http(s)", { returnUrl: "javascript:alert(1)" }],
  ])("redirects to errorUrl when %s", async (_, override) => {
    const id = await createTransaction(sandbox);
    const response = await fetch(payPageUrl(sandbox, { ...valid(id), ...override }), {
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(ERROR_URL);
  });

  it("answers 400 when errorUrl itself is unusable", async () => {
    const id = await createTransaction(sandbox);
    const response = await fetch(payPageUrl(sandbox, { ...valid(id), errorUrl: "nope" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("errorUrl is missing or not an absolute http(s) URL");
  });
});

describe(`POST ${PAY_PAGE_PATH} (the customer's choice)`, () => {
  it.each(PAYMENT_RESULT_STATUSES)(
    "redirects to returnUrl with paymentStatus=%s, keeping its query and fragment",
    async (outcome) => {
      const id = await createTransaction(sandbox);
      await open(sandbox, valid(id));
      const response = await choose(sandbox, id, outcome);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(
        `https://merchant.example/return?order=7&sig=a%2Bb&paymentStatus=${outcome}#receipt`,
      );
    },
  );

  it("sends a system error to errorUrl", async () => {
    const id = await createTransaction(sandbox);
    await open(sandbox, valid(id));
    const response = await choose(sandbox, id, "system_error");
    expect(response.headers.get("location")).toBe(ERROR_URL);
  });

  it("uses the configured parameter name", async () => {
    const id = await createTransaction(renamed);
    await open(renamed, { ...valid(id), returnUrl: "https://m.example/r" });
    const response = await choose(renamed, id, "cancelled");
    expect(response.headers.get("location")).toBe("https://m.example/r?result=cancelled");
  });

  it("takes one decision per transaction, then sends the customer to errorUrl", async () => {
    const id = await createTransaction(sandbox);
    await open(sandbox, valid(id));
    expect((await choose(sandbox, id, "finished")).status).toBe(303);
    expect((await choose(sandbox, id, "failed")).status).toBe(409);
    const reopened = await fetch(payPageUrl(sandbox, valid(id)), { redirect: "manual" });
    expect(reopened.headers.get("location")).toBe(ERROR_URL);
    expect(sandbox.transactions().find((t) => t.id === id)?.outcome).toBe("finished");
  });

  it("refuses an unknown outcome or a transaction whose page was never opened", async () => {
    const id = await createTransaction(sandbox);
    expect((await choose(sandbox, id, "finished")).status).toBe(400);
    await open(sandbox, valid(id));
    expect((await choose(sandbox, id, "paid")).status).toBe(400);
  });
});

describe("an open transaction cannot be taken over", () => {
  it.each([
    ["errorUrl", { errorUrl: "https://evil.example/" }],
    ["returnUrl", { returnUrl: "https://evil.example/r" }],
    ["clientId", { clientId: "evil.client" }],
  ])("a second link with another %s goes to the first link's errorUrl", async (_, override) => {
    const id = await createTransaction(sandbox);
    expect((await open(sandbox, valid(id))).response.status).toBe(200);
    const { response } = await open(sandbox, { ...valid(id), ...override });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(ERROR_URL);
    // The decision still goes where the first link said.
    const decision = await choose(sandbox, id, "finished");
    expect(decision.headers.get("location")).toContain("https://merchant.example/return?");
  });

  it("the same link again shows the page again, with the same nonce", async () => {
    const id = await createTransaction(sandbox);
    const first = await open(sandbox, valid(id));
    const nonce = nonces.get(id);
    const again = await open(sandbox, valid(id));
    expect(again.response.status).toBe(200);
    expect(nonces.get(id)).toBe(nonce);
    expect(first.html).toContain(`value="${nonce}"`);
  });

  it.each([
    ["without a nonce", ""],
    ["with a wrong nonce", "AAAAAAAAAAAAAAAAAAAAAA"],
  ])("refuses a decision %s (a cross-site post) with 403", async (_, nonce) => {
    const id = await createTransaction(sandbox);
    await open(sandbox, valid(id));
    const response = await fetch(`${sandbox.loginServer}${PAY_PAGE_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ transactionId: String(id), outcome: "finished", nonce }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(sandbox.transactions().find((t) => t.id === id)?.outcome).toBeUndefined();
  });

  it("the nonce of one transaction does not decide another", async () => {
    const [a, b] = [await createTransaction(sandbox), await createTransaction(sandbox)];
    await open(sandbox, valid(a));
    await open(sandbox, valid(b));
    const response = await choose(sandbox, b, "finished", nonces.get(a));
    expect(response.status).toBe(403);
  });
});

describe("the pay page's form", () => {
  it("posts back to the login server's own pay path", async () => {
    const id = await createTransaction(sandbox);
    const html = await (await fetch(payPageUrl(sandbox, valid(id)))).text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(action).toBe(new URL(`${sandbox.loginServer}${PAY_PAGE_PATH}`).pathname);
  });
});
