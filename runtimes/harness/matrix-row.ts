// One row of the matrix: runs the whole scenario in one runtime, then reports
// each check as a test of its own, so a failure names the runtime and the check.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, test } from "vitest";
import {
  INVOICE,
  INVOICE_REMINDER,
  PAY_INVOICE_REQUEST,
  PAYMENT_CHANGE_ID,
  PRODUCT_CODE,
} from "../../openapi/fixtures.mjs";
import type { CheckResult, Runtime, ScenarioEnv } from "./runtime.js";
import { loadSuites, suitesFor } from "./suites.js";

const suites = await loadSuites();

export function defineMatrixRow(runtime: Runtime): void {
  describe(`${runtime.name} ${runtime.version()}`, () => {
    const results = new Map<string, CheckResult>();

    beforeAll(async () => {
      const matrix = inject("matrix");
      const started = Date.now();
      const list = await runtime.run(matrix, {
        runtime: runtime.id,
        api: matrix.api,
        run: `${runtime.id}-${randomUUID()}`,
        refusedUrl: matrix.refusedUrl,
        neverSentRecognised: runtime.neverSentRecognised,
        body: PAY_INVOICE_REQUEST as ScenarioEnv["body"],
        productCode: PRODUCT_CODE,
        paymentChangeId: PAYMENT_CHANGE_ID,
        invoice: {
          invoiceNumber: INVOICE.invoiceNumber,
          companyCode: INVOICE.companyCode,
          // Worked out here in Node, independently of the client: "295.00" is 29500 øre.
          invoicedMinor: Math.round(Number(INVOICE.invoiceAmount) * 100),
          reminderDueDateInOslo: new Intl.DateTimeFormat("sv-SE", {
            timeZone: "Europe/Oslo",
          }).format(INVOICE_REMINDER.dueDate),
        },
        redisUrl: matrix.redisUrl,
        sandbox: matrix.sandbox,
      });
      for (const result of list) results.set(`${result.suite}/${result.name}`, result);
      console.log(
        `${runtime.name} ${runtime.version()}: ${list.filter((r) => r.ok).length}/${list.length} checks passed in ${Date.now() - started} ms`,
        ...list.filter((r) => r.note).map((r) => `\n  ${r.name}: ${r.note}`),
      );
    }, 120_000);

    for (const { name: suite, checks } of suitesFor(suites, runtime.id)) {
      describe(suite, () => {
        for (const name of checks) {
          test(name, () => {
            const result = results.get(`${suite}/${name}`);
            expect(result, `the check did not run in ${runtime.name}`).toBeDefined();
            if (!result!.ok) throw new Error(`in ${runtime.name}: ${result!.error}`);
            expect(result!.ok).toBe(true);
          });
        }
      });
    }
  });
}
