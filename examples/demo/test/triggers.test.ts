// What the client does with each of the sandbox's fault triggers: the table in
// the sandbox's README, proven with the real client over real HTTP.
import { ConnectError, createConnectClient } from "@connect-payment/client";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAY_INVOICE_REQUEST } from "../../../openapi/fixtures.mjs";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ slowResponseMs: 5_000 });
});
afterAll(() => sandbox.close());

// A timeout well below slowResponseMs, and well above a busy machine's response time.
const client = () =>
  createConnectClient({
    baseUrl: sandbox.apiUrl,
    accessToken: sandbox.signIn().accessToken,
    timeoutMs: 2_000,
    retryDelayMs: () => 10,
  });

const payWith = (invoiceNumber: string) =>
  client().payInvoice({ ...PAY_INVOICE_REQUEST, invoiceNumber, paymentMethod: "nexi" });

async function errorOf(invoiceNumber: string): Promise<ConnectError> {
  const error = await payWith(invoiceNumber).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectError);
  return error as ConnectError;
}

/** How many requests for `invoiceNumber` reached the sandbox: 1 plus the client's retries. */
const attempts = (invoiceNumber: string) =>
  sandbox
    .requests()
    .filter((r) => (r.body as { invoiceNumber?: string }).invoiceNumber === invoiceNumber).length;

describe("the client against each fault trigger", () => {
  it.each([
    ["notAdded", "payment_not_added", 200, 1],
    ["notJson", "unexpected_response", 200, 1],
    ["badRequest", "bad_request", 400, 1],
    ["expiredToken", "unauthorized", 401, 1],
    ["rateLimited", "rate_limited", 429, 3],
    // A POST that may have reached the provider is never sent twice.
    ["serverError", "server_error", 500, 1],
  ] as const)(
    "%s → %s (status %i, %i attempts)",
    async (trigger, code, status, tries) => {
      const error = await errorOf(SANDBOX_TRIGGERS[trigger]);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(attempts(SANDBOX_TRIGGERS[trigger])).toBe(tries);
      expect(error.message).not.toContain("test-token");
    },
    10_000,
  );

  it("droppedConnection → network, not retried (the request may have arrived)", async () => {
    const error = await errorOf(SANDBOX_TRIGGERS.droppedConnection);
    expect(error.code).toBe("network");
    expect(attempts(SANDBOX_TRIGGERS.droppedConnection)).toBe(1);
  }, 10_000);

  it("slowResponse → timeout once timeoutMs passes", async () => {
    const error = await errorOf(SANDBOX_TRIGGERS.slowResponse);
    expect(error.code).toBe("timeout");
  }, 20_000);
});
