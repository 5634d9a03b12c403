import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "../../src/index.js";

const VALID = {
  invoiceNumber: "7435367",
  productCode: "CO27409",
  companyCode: "68979834",
  paymentMethod: "creditcardPayex",
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ firstTransactionId: 500 });
});
afterAll(() => sandbox.close());

function payInvoice(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${sandbox.apiUrl}/v1/api/payment/invoice`, {
    method: "POST",
    headers: { authorization: "Bearer demo-token", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("POST /v1/api/payment/invoice", () => {
  it("hands out increasing transaction ids and remembers each transaction", async () => {
    const first = await payInvoice(VALID);
    const second = await payInvoice({ ...VALID, paymentMethod: "nexi" });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ success: true, transactionId: 500 });
    expect(await second.json()).toEqual({ success: true, transactionId: 501 });
    const remembered = sandbox.transactions().map((t) => [t.id, t.request.paymentMethod]);
    expect(remembered).toEqual([
      [500, "creditcardPayex"],
      [501, "nexi"],
    ]);
  });

  it.each([
    ["no header", {}],
    ["an empty token", { authorization: "Bearer " }],
    ["another scheme", { authorization: "Basic abc" }],
  ])("answers 401 for %s", async (_, headers) => {
    const response = await fetch(`${sandbox.apiUrl}/v1/api/payment/invoice`, {
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
      productCode: "CO27409",
      paymentMethod: "cash",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { field: string }[] };
    expect(body.error).toBe("invalid_request");
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { field: "invoiceNumber", message: "must NOT have more than 10 characters" },
        { field: "companyCode", message: "must have required property 'companyCode'" },
        {
          field: "paymentMethod",
          message: 'must be one of "creditcardPayex", "swishPayex", "vippsEcommerce", "nexi"',
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

  it("answers 429 with Retry-After for the rate-limit trigger", async () => {
    const response = await payInvoice({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.rateLimited });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
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
    const url = `${sandbox.apiUrl}/v1/api/payment/invoice`;
    const preflight = await fetch(url, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(`${sandbox.apiUrl}/v1/elsewhere`)).status).toBe(404);
  });
});
