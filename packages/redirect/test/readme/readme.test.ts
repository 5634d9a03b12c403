// The README keeps the examples the package promises. Whether they compile (and
// the ```ts run ones run) is checked for every README by the workspace test
// tests/docs/readme-examples.test.ts, so it is not repeated here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts(?: run)?\n([\s\S]*?)```/g)].map((match) => match[1]!);

test("the README has the examples it promises", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(6);
  // A complete return handler for fetch-style runtimes and one for Node's http,
  // each short enough to read at a glance.
  for (const marker of ["fetch(request: Request)", 'from "node:http"']) {
    const handler = blocks.find((block) => block.includes(marker));
    expect(handler, marker).toBeDefined();
    expect(handler!.trim().split("\n").length).toBeLessThanOrEqual(20);
  }
  for (const block of blocks) expect(block).toContain('from "@connect-payment/redirect"');
});

test("the README says the status parameter's name is an assumption, and how to override it", () => {
  expect(readme).toContain('DEFAULT_STATUS_PARAM = "paymentStatus"');
  expect(readme).toMatch(/assumption/);
  expect(readme).toContain("{ param }");
});

test("the README says what binding does not prove", () => {
  expect(readme).toMatch(/does not prove the payment was made/);
});
