// The `@example` blocks of the packages' doc comments are shown on the API
// reference's pages, so they are checked like the READMEs' code: each ```ts
// block must type-check in a strict ESM project against the workspace
// packages (```ts nocheck marks a fragment, left out and counted). Every
// function a published package exports must have one: a package joins the
// check by being published, with nothing to list here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkExamples, type CheckedExample } from "./check-examples.js";
import { exportedFunctions, publishedPackages } from "./exported-functions.js";
import { extractBlocks, type CodeBlock } from "./markdown-blocks.js";

const root = join(import.meta.dirname, "..", "..");
const PACKAGES = publishedPackages(root);

/** The Markdown of each `/** … *\/` comment with an `@example`, its lines kept in place. */
function exampleBlocks(file: string): CodeBlock[] {
  const source = readFileSync(file, "utf8");
  const name = relative(root, file).split("\\").join("/");
  const blocks: CodeBlock[] = [];
  for (const match of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    if (!match[0].includes("@example")) continue;
    const firstLine = source.slice(0, match.index).split("\n").length;
    // Drop the comment's frame (`/**`, ` * `, `*/`), one line per line.
    const markdown = match[0]
      .split("\n")
      .map((line) => line.replace(/^\s*\/?\*+\/?\s?/, "").replace(/\*\/\s*$/, ""))
      .join("\n");
    for (const block of extractBlocks(markdown, name)) {
      blocks.push({ ...block, line: firstLine + block.line - 1 });
    }
  }
  return blocks;
}

function sourceFiles(dir: string): string[] {
  // @connect-payment/types is declarations only, generated from the spec.
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const blocks = PACKAGES.flatMap((pkg) =>
  sourceFiles(join(root, "packages", pkg, "src")).flatMap(exampleBlocks),
);
const checked = blocks.filter((block) => block.mode !== "nocheck");
const where = (block: { file: string; line: number }) => `${block.file}:${block.line}`;
let results = new Map<string, CheckedExample>();

beforeAll(() => {
  const examples = checkExamples(blocks, join(import.meta.dirname, ".examples", "doc-comments"));
  results = new Map(examples.map((example) => [where(example.block), example]));
}, 60_000);

describe("@example blocks in the packages' doc comments", () => {
  test("the published packages are all read", () => {
    expect(PACKAGES).toEqual(
      expect.arrayContaining(["client", "oauth", "oauth-redis", "redirect", "sandbox"]),
    );
  });

  for (const pkg of PACKAGES) {
    test(`every function @connect-payment/${pkg} exports has an @example`, () => {
      const functions = exportedFunctions(root, [pkg]);
      const missing = functions
        .filter((fn) => !fn.hasExample)
        .map((fn) => `${fn.importPath} ${fn.name} (${fn.where})`);
      expect(missing, "exported functions without an @example").toEqual([]);
    });
  }

  test("the exported functions are found, through re-exports", () => {
    const names = exportedFunctions(root, PACKAGES).map((fn) => `${fn.importPath} ${fn.name}`);
    for (const name of [
      "@connect-payment/client createConnectClient",
      "@connect-payment/client/raw createRawClient",
      "@connect-payment/redirect isPaid",
      "@connect-payment/oauth createConnectIdLogin",
      "@connect-payment/oauth-redis redisTokenStore",
      "@connect-payment/sandbox completeLogin",
    ]) {
      expect(names).toContain(name);
    }
  });

  for (const block of checked) {
    test(`${where(block)} type-checks`, () => {
      const example = results.get(where(block));
      expect(example, "the block was compiled").toBeDefined();
      expect(example!.errors, "type errors").toEqual([]);
    });
  }

  test("fragments left out are counted", () => {
    const fragments = blocks.filter((block) => block.mode === "nocheck").map(where);
    if (fragments.length > 0)
      console.info(`@example fragments not checked: ${fragments.join(", ")}`);
    expect(fragments.length).toBeLessThan(blocks.length);
  });
});
