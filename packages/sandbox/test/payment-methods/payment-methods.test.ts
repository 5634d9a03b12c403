// List and Change payment method end to end: the real client and redirect
// builder against the sandbox's API and its /paymentChange page.
import {
  ConnectError,
  createConnectClient,
  type ChangePaymentMethodRequest,
} from "@connect-payment/client";
import { buildPaymentChangeUrl, PAYMENT_RESULT_STATUSES } from "@connect-payment/redirect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PRODUCT_TRIGGERS, startSandbox, type Sandbox } from "../../src/index.js";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  LIST_PAYMENT_METHODS_RESPONSE,
  PAYMENT_CHANGE_PAGE_PATH,
  PRODUCT_CODE,
  paymentMethodPath,
} from "../../../../openapi/fixtures.mjs";

/** The spec's example change, typed as the client takes it. */
const CHANGE = CHANGE_PAYMENT_METHOD_REQUEST as ChangePaymentMethodRequest;
const RETURN_URL = "https://merchant.example/method/return?order=7";
const ERROR_URL = "https://merchant.example/method/error";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const client = () =>
  createConnectClient({
    baseUrl: sandbox.apiUrl,
    accessToken: sandbox.signIn().accessToken,
    retryDelayMs: () => 0,
  });

async function startChange(productCode = PRODUCT_CODE, ticket?: string) {
  const { paymentChangeId } = await client().changePaymentMethod(productCode, CHANGE);
  const url = buildPaymentChangeUrl({
    loginServer: sandbox.loginServer,
    clientId: "no.mediaconnect.test",
    paymentChangeId,
    returnUrl: RETURN_URL,
    errorUrl: ERROR_URL,
    ...(ticket ? { ticket } : {}),
  });
  return { paymentChangeId, url };
}

describe("the API", () => {
  it("lists the reference's sample method before any change", async () => {
    await expect(client().listPaymentMethods("NEW1")).resolves.toEqual(
      LIST_PAYMENT_METHODS_RESPONSE.paymentMethodResponseItems,
    );
  });

  it("lists the method of the product's own finished change, never a cancelled or another product's", async () => {
    const change = async (
      productCode: string,
      outcome: (typeof PAYMENT_RESULT_STATUSES)[number],
    ) => {
      const { url } = await startChange(productCode);
      sandbox.completePaymentChange(url, outcome);
    };
    const listed = async (productCode: string) =>
      (await client().listPaymentMethods(productCode)).map((item) => item.paymentMethod);
    const before = LIST_PAYMENT_METHODS_RESPONSE.paymentMethodResponseItems[0]!.paymentMethod;
    // The spec lists one method to change to: what tells the changes apart is which counts.
    expect(CHANGE.paymentMethod).not.toBe(before);
    await change("OWN1", "finished");
    await change("OWN2", "cancelled");
    await change("OWN2", "failed");
    expect(await listed("OWN1")).toEqual([CHANGE.paymentMethod]);
    expect(await listed("OWN2")).toEqual([before]);
    expect(await listed("OWN3")).toEqual([before]);
  });

  it("answers every valid request as the spec says, and logs it without issues", async () => {
    await client().listPaymentMethods("LOG1");
    await startChange("LOG1");
    const [list, change] = sandbox.requests().slice(-2);
    expect(list).toMatchObject({ method: "GET", path: paymentMethodPath("LOG1"), status: 200 });
    expect(change).toMatchObject({ method: "POST", status: 200 });
    for (const entry of [list, change]) {
      expect(entry?.requestIssues).toEqual([]);
      expect(entry?.responseIssues).toEqual([]);
    }
  });

  it("refuses a token the login server did not issue", async () => {
    const stranger = createConnectClient({ baseUrl: sandbox.apiUrl, accessToken: "made-up-token" });
    await expect(stranger.listPaymentMethods(PRODUCT_CODE)).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("refuses a body or product code that breaks the spec, naming the field", async () => {
    const token = sandbox.signIn().accessToken;
    const response = await fetch(`${sandbox.apiUrl}${paymentMethodPath(PRODUCT_CODE)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ paymentMethod: "cash" }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("paymentMethod");
    const tooLong = await fetch(`${sandbox.apiUrl}${paymentMethodPath("1234567890123")}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain("productCode");
    const deeper = await fetch(`${sandbox.apiUrl}${paymentMethodPath("a/b")}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(deeper.status).toBe(404);
  });

  it("has triggers for an answer without its field, 429 and 500", async () => {
    const { emptyResponse, rateLimited, serverError } = SANDBOX_PRODUCT_TRIGGERS;
    await expect(client().listPaymentMethods(emptyResponse)).resolves.toEqual([]);
    await expect(client().changePaymentMethod(emptyResponse, CHANGE)).rejects.toMatchObject({
      code: "unexpected_response",
    });
    const limited = await client()
      .listPaymentMethods(rateLimited)
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ConnectError);
    expect((limited as ConnectError).code).toBe("rate_limited");
    const before = sandbox.requests().length;
    await expect(client().changePaymentMethod(serverError, CHANGE)).rejects.toMatchObject({
      code: "server_error",
    });
    // The change is never repeated after a 500.
    expect(sandbox.requests().length - before).toBe(1);
    for (const entry of sandbox.requests()) expect(entry.responseIssues).toEqual([]);
  });
});

describe(`the ${PAYMENT_CHANGE_PAGE_PATH} page`, () => {
  it("shows the change with a nonce, under the pay page's CSP, and sends a finished change back", async () => {
    const { paymentChangeId, url } = await startChange("PAGE1", "4v8nwodhfja");
    const page = await fetch(url, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const html = await page.text();
    expect(html).toContain(CHANGE.paymentMethod);
    expect(html).toContain("4v8nwodhfja");
    const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();

    const post = (form: Record<string, string>) =>
      fetch(new URL(url).origin + new URL(url).pathname, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      });
    const forged = await post({
      paymentChangeId: String(paymentChangeId),
      nonce: "x",
      outcome: "finished",
    });
    expect(forged.status).toBe(403);
    const done = await post({
      paymentChangeId: String(paymentChangeId),
      nonce: nonce!,
      outcome: "finished",
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${RETURN_URL}&paymentStatus=finished`);
    // The list now shows the method the change chose.
    await expect(client().listPaymentMethods("PAGE1")).resolves.toEqual([
      { paymentMethod: CHANGE.paymentMethod, isActive: "Y" },
    ]);
  });

  it.each(PAYMENT_RESULT_STATUSES)(
    "completePaymentChange sends %s to returnUrl",
    async (status) => {
      const { url } = await startChange();
      expect(sandbox.completePaymentChange(url, status)).toBe(
        `${RETURN_URL}&paymentStatus=${status}`,
      );
    },
  );

  it("sends a system error to errorUrl, and a re-pointed link to the first errorUrl", async () => {
    const first = await startChange();
    expect(sandbox.completePaymentChange(first.url, "system_error")).toBe(ERROR_URL);
    const second = await startChange();
    await fetch(second.url, { redirect: "manual" });
    const repointed = new URL(second.url);
    repointed.searchParams.set("returnUrl", "https://attacker.example/");
    const answer = await fetch(repointed, { redirect: "manual" });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(ERROR_URL);
  });

  it("refuses an unknown paymentChangeId with a page, never a redirect", async () => {
    const url = new URL(`${sandbox.loginServer}${PAYMENT_CHANGE_PAGE_PATH}`);
    url.search = new URLSearchParams({
      clientId: "c",
      returnUrl: RETURN_URL,
      errorUrl: ERROR_URL,
      paymentChangeId: "1",
    }).toString();
    const answer = await fetch(url, { redirect: "manual" });
    expect(answer.status).toBe(400);
    expect(() => sandbox.completePaymentChange(url, "finished")).toThrow(/paymentChangeId/);
  });
});

describe("POST {controlUrl}/complete-change", () => {
  it("completes a change over HTTP, and names a bad link", async () => {
    const { url } = await startChange("HTTP1");
    const complete = (body: unknown) =>
      fetch(`${sandbox.controlUrl}/complete-change`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const done = await complete({ changeUrl: url, outcome: "cancelled" });
    expect(await done.json()).toEqual({ location: `${RETURN_URL}&paymentStatus=cancelled` });
    const bad = await complete({ changeUrl: "https://elsewhere.example/x", outcome: "finished" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("changeUrl");
  });
});
