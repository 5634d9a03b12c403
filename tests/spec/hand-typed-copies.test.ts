// One source for every fact: no code file types a copy of a spec fact (a
// path, a server URL, an example value, an enum's list). Code reads them from
// `openapi/fixtures.mjs` or the packages' generated constants. The few places
// where a literal is the point are allowed below, each with its reason; an
// entry that no longer matches anything fails too, so the list cannot go stale.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { findCopies, specFacts, type Copy } from "./spec-facts.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A file (or a folder, ending in `/`) where copies of a fact (or of every fact) are allowed. */
interface Allowed {
  file: string;
  fact?: string;
  reason: string;
}

const ALLOWED: Allowed[] = [
  {
    file: "tests/spec/hand-typed-copies.test.ts",
    reason: "the finder's own test types one copy of each kind of fact, to show it finds them",
  },
  {
    file: "packages/sandbox/test/readme/merchant.test.ts",
    reason:
      "the sandbox README's merchant test, word for word (readme.test.ts): the README is the source",
  },
  {
    file: "packages/types/test/types.test-d.ts",
    reason:
      "the types package has no runtime to read the spec from: its type tests pin the generated types to the spec's values, and a value that drifts fails the typecheck",
  },
  {
    file: "examples/demo/src/invoice.ts",
    reason:
      "the demo merchant's own invoice (the provider's example on purpose) and its labels keyed by the spec's PaymentMethod type; an app does not read the spec",
  },
  {
    file: "bench/type-cost/",
    fact: "path /v1/api/payment/invoice",
    reason:
      "the type-cost consumers write the path as a literal in POST(...), as a user does: that literal is what the measured type-checking resolves, in both files alike",
  },
  {
    file: "bench/type-cost/plain.ts",
    fact: "server https://api-test.mediaconnect.no/capi",
    reason:
      "the plain openapi-fetch consumer types its base URL, as such a user does; importing SERVERS from the client would add the client's types to the plain side of the comparison",
  },
];

/** Every tracked code file, but not the spec, generated code or build output. */
function codeFiles(): string[] {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split(
    "\0",
  );
  return tracked.filter(
    (file) =>
      /\.(ts|mts|mjs|js|cjs|vue)$/.test(file) &&
      !file.startsWith("openapi/") &&
      !/(^|\/)(generated|dist)\//.test(file),
  );
}

const covers = (entry: Allowed, copy: Copy) =>
  (entry.file.endsWith("/") ? copy.file.startsWith(entry.file) : copy.file === entry.file) &&
  (entry.fact === undefined || entry.fact === copy.fact);

const facts = specFacts();
const copies = codeFiles().flatMap((file) =>
  findCopies(file, readFileSync(`${ROOT}${file}`, "utf8"), facts),
);
const where = (copy: Copy) => `${copy.file}:${copy.line} ${copy.fact}: ${copy.text}`;

describe("hand-typed copies of spec facts", () => {
  test("the finder finds a typed path, URL, example value and whole enum list; skips comments and subsets", () => {
    const text = [
      "// the Pay invoice path is /v1/api/payment/invoice",
      'await fetch(`${url}/v1/api/payment/invoice`, { method: "POST" });',
      "const methods = `${api}/v1/product/payment/${code}`;",
      'const server = "https://api-test.mediaconnect.no/capi";',
      'const body = { productCode: "CO27409", invoiceNumber: "17435367" };',
      'type Method = "creditcardPayex" | "swishPayex" |',
      '  "vippsEcommerce" | "nexi";',
      'const retry = ["cancelled", "failed", "error"];',
      "const code = /^\\/v1\\/product\\/payment\\/([^/]*)$/.exec(path);",
      'validatorAt("/paths/~1v1~1api~1payment~1invoice/post");',
    ].join("\n");
    expect(findCopies("x.ts", text, facts).map((copy) => `${copy.line} ${copy.fact}`)).toEqual([
      "2 path /v1/api/payment/invoice",
      "3 path prefix /v1/product/payment/",
      "4 server https://api-test.mediaconnect.no/capi",
      '5 example "CO27409"',
      '6 example "creditcardPayex"',
      "6 enum PaymentMethod",
      "9 path prefix /v1/product/payment/",
      "10 path /v1/api/payment/invoice",
    ]);
  });

  test("no code file types a spec fact outside the allow-list", () => {
    const stray = copies.filter((copy) => !ALLOWED.some((entry) => covers(entry, copy)));
    expect(stray.map(where)).toEqual([]);
  });

  test("every allow-list entry still allows something", () => {
    const stale = ALLOWED.filter((entry) => !copies.some((copy) => covers(entry, copy)));
    expect(stale).toEqual([]);
  });
});
