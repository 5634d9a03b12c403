// The README keeps the examples the package promises. Whether they compile (and
// the ```ts run ones run) is checked for every README by the workspace test
// in tests/docs, so it is not repeated here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as api from "../../src/index.js";

const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const fenced = [...readme.matchAll(/```ts( run)?\n([\s\S]*?)```/g)];
const blocks = fenced.map((match) => match[2]!);
const runBlocks = fenced.filter((match) => match[1]).map((match) => match[2]!);

test("the README has the examples it promises", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(6);
  // A complete return handler for fetch-style runtimes and one for Node's http,
  // each short enough to read at a glance, each taking the origin from configuration.
  for (const marker of ["fetch(request: Request)", 'from "node:http"']) {
    const handler = blocks.find((block) => block.includes(marker));
    expect(handler, marker).toBeDefined();
    expect(handler!.trim().split("\n").length).toBeLessThanOrEqual(20);
    expect(handler).toContain("expectedOrigin");
  }
  for (const block of blocks) expect(block).toContain('from "@connect-payment/redirect"');
});

test("the blocks that run assert their results, they do not only print them", () => {
  expect(runBlocks.length).toBeGreaterThanOrEqual(3);
  for (const block of runBlocks) {
    expect(block).toContain('import assert from "node:assert/strict"');
    expect(block).not.toContain("console.log");
  }
});

test("the README never resolves a request target against the origin, except to warn", () => {
  for (const block of blocks) expect(block).not.toMatch(/new URL\(req(uest)?\.url/);
  expect(readme).toContain("Never** write `new URL(req.url, publicOrigin)`");
});

test("the README documents every export", () => {
  const exported = Object.keys(api);
  const types = [
    "BindOptions",
    "BindingSecret",
    "FinalStatus",
    "InvoicePaymentUrlOptions",
    "PaymentResultStatus",
    "PaymentReturn",
    "PaymentReturnInput",
    "PaymentReturnOptions",
    "PaymentReturnStatus",
    "RedirectErrorRule",
    "RetryableStatus",
    "VerifiedPaymentReturn",
    "VerifyOptions",
  ];
  for (const name of [...exported, ...types]) expect(readme, name).toContain(`\`${name}`);
});

test("the README says the default name is an assumption, and how to pin another", () => {
  expect(readme).toContain('DEFAULT_STATUS_PARAM = "paymentStatus"');
  expect(readme).toMatch(/assumption/);
  expect(readme).toContain("{ param }");
});

test("the README says what binding does not prove, and never promises a confirmation", () => {
  expect(readme).toMatch(/does not prove the payment was made/);
  expect(readme).toMatch(/never what you grant/);
  expect(readme).not.toMatch(/confirm (it |the payment )?with the (provider's )?API/i);
});
