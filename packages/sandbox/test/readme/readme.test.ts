// The README's merchant test is merchant.test.ts, word for word, so the
// example a merchant copies is one that runs in CI.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

it("the README's vitest example is merchant.test.ts", () => {
  const readme = read("../../README.md");
  const example = /## A complete merchant test[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBe(read("./merchant.test.ts"));
});

it("the README's first line says it is a test double, not the provider", () => {
  const lines = read("../../README.md").split("\n").filter(Boolean);
  expect(lines[1]).toMatch(/^\*\*A test double\b.*not the provider\.\*\*$/);
});
