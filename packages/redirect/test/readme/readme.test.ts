// Every ```ts block in the README is a complete program: it must type-check
// against this package's source, with strict settings, as an ES module.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

test("the README has the examples it promises", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(5);
  expect(blocks.some((b) => b.includes("fetch(request: Request)"))).toBe(true);
  expect(blocks.some((b) => b.includes('from "node:http"'))).toBe(true);
  // The return handlers stay short enough to read at a glance.
  for (const marker of ["fetch(request: Request)", 'from "node:http"']) {
    const handler = blocks.find((b) => b.includes(marker))!;
    expect(handler.trim().split("\n").length).toBeLessThanOrEqual(20);
  }
  for (const block of blocks) expect(block).toContain('from "@connect-payment/redirect"');
});

test("every README example type-checks", { timeout: 60_000 }, () => {
  // Inside node_modules so nothing here is ever committed.
  const dir = join(root, "node_modules", ".readme-check");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  const files = blocks.map((code, i) => {
    const file = join(dir, `example-${i}.ts`);
    writeFileSync(file, code);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    typeRoots: [join(root, "..", "..", "node_modules", "@types")],
    skipLibCheck: true,
    paths: { "@connect-payment/redirect": [join(root, "src", "index.ts")] },
    allowImportingTsExtensions: false,
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
  expect(problems).toEqual([]);
});
