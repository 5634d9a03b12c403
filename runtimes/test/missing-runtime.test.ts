// A runtime that is not installed fails its row with a message saying how to
// install it; it is never skipped.
import { afterEach, expect, inject, test, vi } from "vitest";
import { PAY_INVOICE_REQUEST, PAYMENT_CHANGE_ID, PRODUCT_CODE } from "../../openapi/fixtures.mjs";
import { MissingRuntime, versionOf, type ScenarioEnv } from "../harness/runtime.js";
import { chromium } from "../harness/runtimes/chromium.js";

afterEach(() => vi.unstubAllEnvs());

test("a missing Chromium fails with how to install it", async () => {
  vi.stubEnv("CHROMIUM_PATH", "/nonexistent/chromium");
  expect(chromium.version()).toBe("not installed");
  const matrix = inject("matrix");
  const env = {
    runtime: "chromium",
    api: matrix.api,
    run: "missing",
    refusedUrl: matrix.refusedUrl,
    neverSentRecognised: false,
    body: PAY_INVOICE_REQUEST as ScenarioEnv["body"],
    productCode: PRODUCT_CODE,
    paymentChangeId: PAYMENT_CHANGE_ID,
    // Never read: the runtime is missing, so no check runs.
    invoice: { invoiceNumber: "", companyCode: "", invoicedMinor: 0, reminderDueDateInOslo: "" },
    redisUrl: matrix.redisUrl,
    sandbox: matrix.sandbox,
  };
  const error = await chromium.run(matrix, env).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(MissingRuntime);
  expect(String(error)).toContain("/nonexistent/chromium");
  expect(String(error)).toContain("apt-get install -y chromium");
});

test("a binary that is not there has no version", () => {
  expect(versionOf("/nonexistent/deno")).toBe("not installed");
});
