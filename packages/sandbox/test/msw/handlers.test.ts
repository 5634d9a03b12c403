// The msw handlers give the sandbox's answers, so unit tests that mock fetch
// agree with the sandbox server.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PRODUCT_TRIGGERS, SANDBOX_TRIGGERS } from "../../src/index.js";
import { createSandboxHandlers } from "../../src/msw.js";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  LIST_PAYMENT_METHODS_RESPONSE,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PRODUCT_CODE,
  SERVERS,
  paymentMethodPath,
} from "../../../../openapi/fixtures.mjs";

const API_URL = SERVERS.test;
const sandbox = createSandboxHandlers({ apiUrl: API_URL, firstTransactionId: 7000 });
const server = setupServer(...sandbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const VALID = { ...PAY_INVOICE_REQUEST, paymentMethod: "nexi" };

function pay(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${API_URL}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("createSandboxHandlers()", () => {
  it("adds a payment and remembers it", async () => {
    const response = await pay(VALID);
    expect(await response.json()).toEqual({ success: true, transactionId: 7000 });
    expect(sandbox.transactions().map((t) => t.id)).toEqual([7000]);
  });

  it.each([
    ["notAdded", 200],
    ["badRequest", 400],
    ["expiredToken", 401],
    ["rateLimited", 429],
    ["serverError", 500],
  ] as const)("the %s trigger answers %i, as the server does", async (trigger, status) => {
    const response = await pay({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS[trigger] });
    expect(response.status).toBe(status);
  });

  it("the rate-limit answer carries Retry-After and the rate-limit headers", async () => {
    const response = await pay({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.rateLimited });
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("checks bodies and content type against the spec", async () => {
    const broken = await pay({ ...VALID, paymentMethod: "cash" });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ issues: [{ field: "paymentMethod" }] });
    expect((await pay(VALID, { "content-type": "text/plain" })).status).toBe(415);
    expect((await pay(VALID, { authorization: "" })).status).toBe(401);
  });

  it("drops the connection and answers non-JSON on their triggers", async () => {
    await expect(
      pay({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.droppedConnection }),
    ).rejects.toThrow(TypeError);
    const html = await pay({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.notJson });
    expect(html.headers.get("content-type")).toContain("text/html");
  });
});

describe("createSandboxHandlers(): List and Change payment method", () => {
  const methods = (productCode: string, init: RequestInit = {}) =>
    fetch(`${API_URL}${paymentMethodPath(productCode)}`, {
      ...init,
      headers: { authorization: "Bearer t", "content-type": "application/json" },
    });

  it("lists, starts a change, and answers the product-code triggers as the server does", async () => {
    expect(await (await methods(PRODUCT_CODE)).json()).toEqual(LIST_PAYMENT_METHODS_RESPONSE);
    const change = await methods(PRODUCT_CODE, {
      method: "POST",
      body: JSON.stringify(CHANGE_PAYMENT_METHOD_REQUEST),
    });
    const { paymentChangeId } = (await change.json()) as { paymentChangeId: number };
    expect(sandbox.paymentChanges().map((c) => c.id)).toEqual([paymentChangeId]);
    expect((await methods(SANDBOX_PRODUCT_TRIGGERS.rateLimited)).status).toBe(429);
    expect((await methods(SANDBOX_PRODUCT_TRIGGERS.serverError)).status).toBe(500);
    const invalid = await methods(PRODUCT_CODE, {
      method: "POST",
      body: JSON.stringify({ paymentMethod: "cash" }),
    });
    expect(invalid.status).toBe(400);
  });
});
