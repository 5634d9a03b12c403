import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "../../src/index.js";
import { OPERATION_MODULES } from "../../src/operations/index.js";
import { createOperationState } from "../../src/operations/state.js";
import { createApiRouter } from "../../src/router.js";
import { loadSpec } from "../../src/spec.js";
import {
  PAY_INVOICE_ERRORS,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PAYMENT_METHODS,
} from "../../../../openapi/fixtures.mjs";

const VALID = { ...PAY_INVOICE_REQUEST };
/** The spec's 401 example: an expired token. */
const EXPIRED = PAY_INVOICE_ERRORS["401"];

let sandbox: Sandbox;
let counting: Sandbox;
beforeAll(async () => {
  [sandbox, counting] = await Promise.all([
    startSandbox(),
    startSandbox({ firstTransactionId: 500 }),
  ]);
});
afterAll(() => Promise.all([sandbox.close(), counting.close()]));

function payInvoice(body: unknown, headers: Record<string, string> = {}, target = sandbox) {
  return fetch(`${target.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${target.signIn().accessToken}`,
      "content-type": "application/json",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe(`POST ${PAY_INVOICE_PATH}`, () => {
  it("hands out ids nobody can guess, within 1..2^53-1, and remembers each transaction", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => payInvoice(VALID).then((r) => r.json())),
    );
    const ids = answers.map((a) => (a as { transactionId: number }).transactionId);
    for (const id of ids) {
      expect(Number.isSafeInteger(id) && id >= 1).toBe(true);
    }
    expect(new Set(ids).size).toBe(20);
    // Not counting: neighbours differ by more than a sequence would.
    const sorted = [...ids].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((id, i) => id - sorted[i]!);
    expect(Math.min(...gaps)).toBeGreaterThan(1000);
    expect(Math.max(...ids)).toBeGreaterThan(2 ** 40);
    const remembered = sandbox.transactions().map((t) => t.id);
    expect(remembered).toEqual(expect.arrayContaining(ids));
  });

  it("counts up from firstTransactionId when asked to", async () => {
    const first = await payInvoice(VALID, {}, counting);
    const second = await payInvoice({ ...VALID, paymentMethod: "nexi" }, {}, counting);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ success: true, transactionId: 500 });
    expect(await second.json()).toEqual({ success: true, transactionId: 501 });
    const remembered = counting.transactions().map((t) => [t.id, t.request.paymentMethod]);
    expect(remembered).toEqual([
      [500, VALID.paymentMethod],
      [501, "nexi"],
    ]);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["no content type", ""],
  ])("refuses %s with 415, adding nothing", async (_, contentType) => {
    const before = sandbox.transactions().length;
    const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${sandbox.signIn().accessToken}`,
        ...(contentType ? { "content-type": contentType } : {}),
      },
      body: new TextEncoder().encode(JSON.stringify(VALID)),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      exceptionType: PAY_INVOICE_ERRORS["415"].exceptionType,
    });
    expect(sandbox.transactions()).toHaveLength(before);
  });

  it("takes application/json with a charset", async () => {
    const response = await payInvoice(VALID, { "content-type": "application/json; charset=utf-8" });
    expect(response.status).toBe(200);
  });

  it.each([
    ["no header", {}],
    ["an empty token", { authorization: "Bearer " }],
    ["another scheme", { authorization: "Basic abc" }],
  ])("answers 401 for %s", async (_, headers) => {
    const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(VALID),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers 400 naming every broken field and its rule", async () => {
    const response = await payInvoice({
      invoiceNumber: "12345678901",
      productCode: VALID.productCode,
      paymentMethod: "cash",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      exceptionType: string;
      errorMessage: string;
      issues: { field: string }[];
    };
    // The provider's 400 body, as public integrations read it, plus every broken field.
    expect(body.exceptionType).toBe(PAY_INVOICE_ERRORS["400"].exceptionType);
    expect(body.errorMessage).toContain("invoiceNumber: must NOT have more than 10 characters");
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { field: "invoiceNumber", message: "must NOT have more than 10 characters" },
        { field: "companyCode", message: "must have required property 'companyCode'" },
        {
          field: "paymentMethod",
          message: `must be one of ${PAYMENT_METHODS.map((method) => JSON.stringify(method)).join(", ")}`,
        },
      ]),
    );
    expect(body.issues).toHaveLength(3);
  });

  it("answers 400 for a body that is not JSON, and 400 for a wrong type", async () => {
    const notJson = await payInvoice("invoiceNumber=1");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ issues: [{ field: "body" }] });

    const wrongType = await payInvoice({ ...VALID, productCode: 42 });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({
      issues: [{ field: "productCode", message: "must be string" }],
    });
  });

  it("gives no transaction id for a rejected body", async () => {
    const before = sandbox.transactions().length;
    await payInvoice({ ...VALID, companyCode: "1234567890123" });
    expect(sandbox.transactions()).toHaveLength(before);
  });

  it("answers 429 with Retry-After and the rate-limit headers for the rate-limit trigger", async () => {
    const response = await payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.rateLimited });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-reset")).toBe("1");
  });

  it("answers 400 with the provider's error body for the bad-request trigger", async () => {
    const response = await payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.badRequest });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      exceptionType: "InvoiceNotFoundException",
      errorMessage: "Invoice 4000000000 was not found",
    });
  });

  it("answers 401 invalid_token for the expired-token trigger", async () => {
    const response = await payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.expiredToken });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await response.json()).toMatchObject({ error: "invalid_token" });
  });

  it("answers HTML instead of JSON for the not-JSON trigger", async () => {
    const response = await payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.notJson });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toMatch(/^<!doctype html>/);
  });

  it("closes the connection without an answer for the dropped-connection trigger", async () => {
    const answer = payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.droppedConnection });
    await expect(answer).rejects.toThrow(TypeError);
  });

  it("answers late for the slowResponse trigger", async () => {
    const slow = await startSandbox({ slowResponseMs: 300 });
    try {
      const started = Date.now();
      const response = await payInvoice(
        { ...VALID, invoiceNumber: SANDBOX_TRIGGERS.slowResponse },
        {},
        slow,
      );
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await slow.close();
    }
  });

  it("answers 500 for the server-error trigger", async () => {
    const response = await payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.serverError });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "server_error" });
  });

  it("answers 200 success:false for the not-added trigger", async () => {
    const response = await payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.notAdded });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: false });
  });

  it("keeps every trigger within the spec's maxLength of 10", () => {
    for (const value of Object.values(SANDBOX_TRIGGERS))
      expect(value.length).toBeLessThanOrEqual(10);
  });

  it("answers a CORS preflight and refuses other methods", async () => {
    const url = `${sandbox.apiUrl}${PAY_INVOICE_PATH}`;
    const preflight = await fetch(url, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(`${sandbox.apiUrl}/v1/elsewhere`)).status).toBe(404);
  });
});

describe("the token hook (for the login server's OAuth side)", () => {
  it("answers 401 invalid_token with the hook's reason, before reading the body", async () => {
    const route = createApiRouter(
      loadSpec(),
      OPERATION_MODULES,
      createOperationState({
        firstTransactionId: undefined,
        slowResponseMs: 0,
        paidRecordDelayMs: 0,
        invoicesWithoutDates: "latest",
      }),
      (token) => (token === "stale" ? { rejected: EXPIRED.error_description } : {}),
    );
    const answer = route({
      method: "POST",
      path: PAY_INVOICE_PATH,
      query: new URLSearchParams(),
      authorization: "Bearer stale",
      contentType: "text/plain",
      body: "not even JSON",
    })?.response;
    expect(answer).toMatchObject({
      kind: "send",
      status: 401,
      body: EXPIRED,
    });
  });
});
