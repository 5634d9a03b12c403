import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { walkFlow } from "./walker/walk.mjs";
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
      expect(lines).toHaveLength(5);
      expect(lines[3]).toContain(`outcome=${outcome}`);
      expect(lines[4]).toContain(`the bound return says: ${outcome}`);
    },
  );
});
