// The sandbox answers 415 to a body that is not JSON and 413 to one beyond
// 64 KiB. The spec declares both (marked `x-source: sdk`: the provider is
// silent), so a validating proxy finds nothing undeclared in them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { loadSpec } from "../../src/spec.js";
import {
  PAY_INVOICE_PATH,
  paymentMethodPath,
  PRODUCT_CODE,
} from "../../../../openapi/fixtures.mjs";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const OPERATIONS = [
  ["payInvoice", PAY_INVOICE_PATH],
  ["changePaymentMethod", paymentMethodPath(PRODUCT_CODE)],
] as const;

describe("413 and 415 are answers the spec declares", () => {
  it.each(OPERATIONS)("%s: the answers conform to the spec", async (_, path) => {
    sandbox.reset();
    const { accessToken } = sandbox.signIn();
    const headers = { authorization: `Bearer ${accessToken}` };
    const notJson = await fetch(`${sandbox.apiUrl}${path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "text/plain" },
      body: "{}",
    });
    const tooLarge = await fetch(`${sandbox.apiUrl}${path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(70_000) }),
    });
    expect([notJson.status, tooLarge.status]).toEqual([415, 413]);
    const logged = sandbox.requests();
    expect(logged.map((r) => r.status)).toEqual([415, 413]);
    expect(logged.map((r) => r.responseIssues)).toEqual([[], []]);
  });

  it.each(OPERATIONS)("%s: both are marked x-source: sdk", (operationId) => {
    const spec = loadSpec() as unknown as {
      paths: Record<string, Record<string, { operationId?: string; responses: object }>>;
    };
    const operation = Object.values(spec.paths)
      .flatMap((item) => Object.values(item))
      .find((candidate) => candidate.operationId === operationId);
    const responses = operation?.responses as Record<string, { "x-source"?: string }>;
    expect(responses["413"]?.["x-source"]).toBe("sdk");
    expect(responses["415"]?.["x-source"]).toBe("sdk");
  });
});
