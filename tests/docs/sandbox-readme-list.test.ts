// The sandbox README's first list is what a reader scans to learn what the
// sandbox plays: it must name every operation of the spec (by its summary and
// its path), and the browser pages and OAuth endpoints of the login server.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PAYMENT_CHANGE_PAGE_PATH, PAY_PAGE_PATH } from "@connect-payment/redirect";
import { AUTHORIZE_PATH, TOKEN_PATH } from "@connect-payment/oauth";
import { completeLogin } from "@connect-payment/sandbox";
import { describe, expect, test } from "vitest";
import { spec } from "../../openapi/fixtures.mjs";

const root = join(import.meta.dirname, "..", "..");
const readme = readFileSync(join(root, "packages", "sandbox", "README.md"), "utf8");

/** The first bulleted list of the README, before its first section. */
function firstList(markdown: string): string {
  const intro = markdown.split(/^## /m)[0]!;
  return intro
    .split("\n")
    .filter((line) => /^(- |\s+\S)/.test(line))
    .join("\n");
}

const operations = Object.entries(
  spec.paths as Record<string, Record<string, { operationId?: string; summary?: string }>>,
).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => op?.operationId)
    .map(([method, op]) => ({ path, method: method.toUpperCase(), summary: op.summary! })),
);

describe("the sandbox README's first list", () => {
  const list = firstList(readme);

  test("the spec has operations to look for", () => {
    expect(operations.length).toBeGreaterThan(2);
  });

  for (const { path, method, summary } of operations) {
    test(`names ${summary} (${method} ${path})`, () => {
      expect(list).toContain(`${method} {apiUrl}${path}`);
      expect(list).toContain(summary);
    });
  }

  test("names the login server's pages and OAuth endpoints", () => {
    for (const path of [PAY_PAGE_PATH, PAYMENT_CHANGE_PAGE_PATH, AUTHORIZE_PATH, TOKEN_PATH]) {
      expect(list).toContain(`{loginServer}${path}`);
    }
  });

  test("names the helpers that stand in for the customer's browser", () => {
    for (const helper of [
      "completePayment",
      "completePaymentChange",
      completeLogin.name,
      "signIn",
    ]) {
      expect(list).toContain(`${helper}(`);
    }
  });
});
