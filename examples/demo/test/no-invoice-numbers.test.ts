// The demo pays what the provider lists for the customer: no invoice number
// (nor company code) is written into its code. A quoted run of six or more
// digits in src/ is such a number.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

test("the demo's code holds no invoice number", () => {
  const found = readdirSync(SRC)
    .filter((name) => name.endsWith(".ts"))
    .flatMap((name) =>
      [...readFileSync(join(SRC, name), "utf8").matchAll(/["'`](\d{6,})["'`]/g)].map(
        ([, digits]) => `${name}: ${digits}`,
      ),
    );
  expect(found).toEqual([]);
});

test("the check finds a number written in code", () => {
  expect([...`const invoiceNumber = "9876543";`.matchAll(/["'`](\d{6,})["'`]/g)]).toHaveLength(1);
});
