// The API is routed from the spec: every operation of the spec has a module,
// the node:http server and the msw handlers give the same answers (one router
// under both), and one check of a request serves the answer and the log.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxHandlers } from "../../src/msw.js";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { OPERATION_MODULES } from "../../src/operations/index.js";
import { loadSpec, operationsOf } from "../../src/spec.js";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PRODUCT_CODE,
  SERVERS,
  paymentMethodPath,
} from "../../../../openapi/fixtures.mjs";

const MSW_URL = SERVERS.test;
const handlers = createSandboxHandlers({ apiUrl: MSW_URL, firstTransactionId: 300 });
const mocked = setupServer(...handlers.handlers);
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ firstTransactionId: 300, oauth: { requireIssuedTokens: false } });
  mocked.listen({ onUnhandledRequest: "bypass" });
});
afterAll(async () => {
  mocked.close();
  await sandbox.close();
});

/** The same request to the server and to the msw handlers: status and JSON body of each. */
async function both(path: string, init: { method: string; body?: string }) {
  const answers = [];
  for (const base of [sandbox.apiUrl, MSW_URL]) {
    const response = await fetch(base + path, {
      ...init,
      headers: { authorization: "Bearer any", "content-type": "application/json" },
    });
    answers.push({ status: response.status, body: (await response.json()) as unknown });
  }
  return answers;
}

describe("the API routed from the spec", () => {
  it("has a module for every operation of the spec, and none for an operation it lacks", () => {
    const specIds = operationsOf(loadSpec()).map(({ operationId }) => operationId);
    expect(specIds.length).toBeGreaterThan(2);
    expect(OPERATION_MODULES.map(({ operationId }) => operationId).sort()).toEqual(
      [...specIds].sort(),
    );
  });

  it.each([
    [
      "Pay invoice",
      PAY_INVOICE_PATH,
      { method: "POST", body: JSON.stringify(PAY_INVOICE_REQUEST) },
    ],
    ["a broken Pay invoice", PAY_INVOICE_PATH, { method: "POST", body: '{"invoiceNumber":7}' }],
    ["List payment methods", paymentMethodPath(PRODUCT_CODE), { method: "GET" }],
    [
      "Change payment method",
      paymentMethodPath(PRODUCT_CODE),
      { method: "POST", body: JSON.stringify(CHANGE_PAYMENT_METHOD_REQUEST) },
    ],
    ["a method the spec lacks", PAY_INVOICE_PATH, { method: "DELETE" }],
    ["a product code too long", paymentMethodPath("x".repeat(13)), { method: "GET" }],
  ] as const)("%s: the server and the msw handlers answer alike", async (_, path, init) => {
    const [server, msw] = await both(path, init);
    expect(server!.status).toBeGreaterThanOrEqual(200);
    expect(msw).toEqual(server);
  });

  it("one check serves the answer and the log: each broken field is in both", async () => {
    sandbox.reset();
    const response = await fetch(`${sandbox.apiUrl}${paymentMethodPath("x".repeat(13))}`, {
      method: "POST",
      headers: { authorization: "Bearer any", "content-type": "application/json" },
      body: JSON.stringify({ paymentMethod: "cash" }),
    });
    const answer = (await response.json()) as { issues: { field: string }[] };
    expect(response.status).toBe(400);
    const fields = answer.issues.map(({ field }) => field);
    expect(fields).toEqual(expect.arrayContaining(["productCode", "paymentMethod"]));
    const [logged] = sandbox.requests();
    expect(logged!.requestIssues).toEqual(answer.issues);
  });
});
