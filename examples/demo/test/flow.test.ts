import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, walkFlow, type Demo } from "../src/index.js";

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.close());

describe("the whole flow without a browser", () => {
  it.each(["finished", "cancelled", "failed"] as const)(
    "ends on the merchant's verified %s page",
    async (outcome) => {
      const lines: string[] = [];
      const result = await walkFlow({
        merchantUrl: demo.merchantUrl,
        outcome,
        paymentMethod: "swishPayex",
        log: (line) => lines.push(line),
      });
      expect(result.status).toBe(outcome);
      const transaction = demo.sandbox.transactions().find((t) => t.id === result.transactionId);
      expect(transaction?.outcome).toBe(outcome);
      expect(transaction?.request.paymentMethod).toBe("swishPayex");
      expect(lines).toHaveLength(5);
      expect(lines[4]).toContain(`verified: ${outcome}`);
    },
  );
});
