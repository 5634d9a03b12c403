// Where the docs describe a listed payment method's `paymentMethod`, they say
// it is optional when its type is: a reader who destructures it must know it
// can be absent (the reference marks no field of the item as required).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

/** The `paymentMethod` member of the shipped PaymentMethodItem type. */
const itemType =
  /export type PaymentMethodItem\b[\s\S]*?\n\};/.exec(read("packages/types/index.d.ts"))?.[0] ?? "";

const DESCRIPTIONS = [
  // file, and the words that start its sentence about the field
  ["packages/client/README.md", "Each item's `paymentMethod`"],
  ["docs/guides/change-payment-method.md", "Each\nitem's `paymentMethod`"],
] as const;

describe("a listed item's paymentMethod", () => {
  test("is optional in the shipped type", () => {
    expect(itemType).toMatch(/\bpaymentMethod\?:/);
  });

  for (const [file, start] of DESCRIPTIONS) {
    test(`${file} says it is optional`, () => {
      const text = read(file);
      const at = text.indexOf(start);
      expect(at, `${file} describes the field`).toBeGreaterThanOrEqual(0);
      const sentence = text.slice(at, text.indexOf(".", at + start.length) + 1);
      expect(sentence).toMatch(/\boptional\b/);
    });
  }
});
