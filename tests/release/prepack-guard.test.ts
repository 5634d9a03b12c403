// Packing an unbuilt package must fail, not give a tarball of LICENSE,
// package.json and README only. Each published package runs
// scripts/prepack-guard.mjs as its `prepack`; here npm itself packs a copy
// of each package without its build, and a built one passes the guard.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const GUARD = "node ../../scripts/prepack-guard.mjs";

const published = readdirSync(join(ROOT, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    dir: entry.name,
    manifest: JSON.parse(
      readFileSync(join(ROOT, "packages", entry.name, "package.json"), "utf8"),
    ) as {
      name: string;
      private?: boolean;
      scripts?: Record<string, string>;
    },
  }))
  .filter(({ manifest }) => manifest.private !== true);

const scratch = mkdtempSync(join(tmpdir(), "prepack-guard-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("prepack guard", () => {
  test("there are published packages to guard", () => {
    expect(published.length).toBeGreaterThanOrEqual(5);
  });

  for (const { dir, manifest } of published) {
    test(`${manifest.name}: prepack runs the guard`, () => {
      expect(manifest.scripts?.prepack).toBe(GUARD);
    });

    test(
      `${manifest.name}: npm pack of an unbuilt copy fails and says why`,
      { timeout: 60_000 },
      () => {
        // The package as a fresh clone has it: its manifest and docs, no build.
        const copy = join(scratch, dir, "packages", dir);
        mkdirSync(copy, { recursive: true });
        mkdirSync(join(scratch, dir, "scripts"), { recursive: true });
        for (const file of ["package.json", "README.md", "LICENSE"]) {
          copyFileSync(join(ROOT, "packages", dir, file), join(copy, file));
        }
        copyFileSync(
          join(ROOT, "scripts", "prepack-guard.mjs"),
          join(scratch, dir, "scripts", "prepack-guard.mjs"),
        );
        const run = spawnSync("npm", ["pack", "--ignore-scripts=false"], {
          cwd: copy,
          encoding: "utf8",
          env: { ...process.env, npm_config_loglevel: "error" },
        });
        expect(run.status, run.stdout + run.stderr).not.toBe(0);
        expect(run.stderr).toContain(`Cannot pack ${manifest.name}: it is not built`);
        expect(readdirSync(copy).filter((file) => file.endsWith(".tgz"))).toEqual([]);
      },
    );

    test(`${manifest.name}: the built package passes the guard`, () => {
      const run = spawnSync(process.execPath, [join(ROOT, "scripts", "prepack-guard.mjs")], {
        cwd: join(ROOT, "packages", dir),
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    });
  }
});
