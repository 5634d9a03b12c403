import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { walkConfirm, walkFlow } from "./walker/walk.mjs";
import { walkLogin } from "./walker/walk-login.mjs";
import { RESULT_PARAM_NAMES } from "./names.js";

describe.each(RESULT_PARAM_NAMES)("the whole flow without a browser, result as %s", (name) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ statusParam: name });
  });
  afterAll(() => demo.close());

  it.each(["finished", "cancelled", "failed"] as const)(
    "ends on the merchant's return page showing %s",
    async (outcome) => {
      const lines: string[] = [];
      const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl });
      const result = await walkFlow({
        merchantUrl: demo.merchantUrl,
        outcome,
        cookie: cookie!,
        paymentMethod: "swishPayex",
        log: (line) => lines.push(line),
      });
      expect(result.status).toBe(outcome);
      const transaction = demo.sandbox.transactions().find((t) => t.id === result.transactionId);
      expect(transaction?.outcome).toBe(outcome);
      expect(transaction?.request.paymentMethod).toBe("swishPayex");
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatch(/\d+ unpaid invoice\(s\); paying /);
      expect(lines[3]).toContain(`outcome=${outcome}`);
      expect(lines[4]).toContain(`the bound return says: ${outcome}`);
      expect(lines[5]).toContain("the provider's record:");
      // Only a finished payment is ever recorded paid, and only then granted.
      if (outcome !== "finished") {
        expect(result.record).not.toBe("paid");
        expect((await demo.grants()).map((g) => g.invoiceNumber)).not.toContain(
          result.invoiceNumber,
        );
      } else {
        await walkConfirm({ returnUrl: result.returnUrl, cookie: cookie! });
        expect((await demo.grants()).map((g) => g.invoiceNumber)).toContain(result.invoiceNumber);
      }
    },
    60_000,
  );
});
