// The code in the READMEs and on the documentation site (docs/) is checked
// like code: every ```ts block must type-check in a strict ESM project against
// the workspace packages, and every ```ts run block must also run and exit 0.
// CONTRIBUTING.md describes the conventions.
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkExamples, runExample, type CheckedExample } from "./check-examples.js";
import { collectReadmeBlocks } from "./markdown-blocks.js";

const root = join(import.meta.dirname, "..", "..");
const blocks = collectReadmeBlocks(root);
const checked = blocks.filter((block) => block.mode !== "nocheck");
const optedOut = blocks.filter((block) => block.mode === "nocheck");

let results = new Map<string, CheckedExample>();
const where = (block: { file: string; line: number }) => `${block.file}:${block.line}`;

beforeAll(() => {
  const examples = checkExamples(blocks, join(import.meta.dirname, ".examples", "readmes"));
  results = new Map(examples.map((example) => [where(example.block), example]));
}, 60_000);

describe("README examples", () => {
  test("the READMEs have examples to check", () => {
    expect(checked.length).toBeGreaterThan(0);
  });

  test("the site's guides are checked too", () => {
    expect(checked.some((block) => block.file.startsWith("docs/guides/"))).toBe(true);
  });

  for (const block of checked) {
    test(`${where(block)} (${block.mode})`, { timeout: 40_000 }, () => {
      const example = results.get(where(block));
      expect(example, "the block was compiled").toBeDefined();
      expect(example!.errors, "type errors").toEqual([]);
      if (block.mode === "run") {
        const run = runExample(example!);
        expect(run.exitCode, `exit code; output:\n${run.output}`).toBe(0);
      }
    });
  }

  // Fragments may opt out with ```ts nocheck; they are listed so opt-outs stay rare.
  test("opt-outs (```ts nocheck) are few", () => {
    if (optedOut.length > 0) {
      console.info(`README blocks not checked (nocheck): ${optedOut.map(where).join(", ")}`);
    }
    expect(optedOut.length).toBeLessThanOrEqual(Math.max(2, Math.floor(blocks.length / 4)));
  });
});
