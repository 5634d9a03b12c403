// The import-cycle check each package's test command runs: it must find a
// cycle (value or type-only imports, direct or through other files), pass a
// tree without one, and be wired into the packages it guards.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { findCycles, importGraph } from "../../scripts/check-import-cycles.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "import-cycles-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A src folder holding the given files; gives the names around each cycle found. */
function cyclesIn(files: Record<string, string>): string[][] {
  const src = mkdtempSync(join(scratch, "src-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(src, name, ".."), { recursive: true });
    writeFileSync(join(src, name), text);
  }
  return findCycles(importGraph([src])).map((cycle) =>
    cycle.map((file) => file.slice(src.length + 1)),
  );
}

describe("findCycles", () => {
  test("two files importing each other", () => {
    expect(
      cyclesIn({
        "a.ts": 'import { b } from "./b.js";\nexport const a = 1;',
        "b.ts": 'import { a } from "./a.js";\nexport const b = 2;',
      }),
    ).toEqual([["a.ts", "b.ts"]]);
  });

  test("a type-only import closing a longer circle, through a folder's index", () => {
    expect(
      cyclesIn({
        "a.ts": 'export { c } from "./c/index.js";',
        "b.ts": 'import type { A } from "./a.js";\nexport type B = A;',
        "c/index.ts": 'import type { B } from "../b.js";\nexport const c = 1 as unknown as B;',
      }),
    ).toEqual([["a.ts", "c/index.ts", "b.ts"]]);
  });

  test("a tree without a circle, packages and dynamic imports aside", () => {
    expect(
      cyclesIn({
        "a.ts": 'import { b } from "./b.js";\nimport x from "oauth4webapi";',
        "b.ts": 'export const b = () => import("node:fs");',
      }),
    ).toEqual([]);
  });
});

const GUARDED = ["client", "redirect", "oauth", "oauth-redis", "internal"];

describe.each(GUARDED)("packages/%s", (dir) => {
  const folder = join(ROOT, "packages", dir);

  test("its test command runs the check over src", () => {
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.test).toContain("node ../../scripts/check-import-cycles.mjs src");
  });

  test("has no import cycle in src", () => {
    expect(findCycles(importGraph([join(folder, "src")]))).toEqual([]);
  });
});
