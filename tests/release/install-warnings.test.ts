// A fresh `pnpm install` prints nothing a user must wonder about. Its two
// warnings had two causes, each checked here without a slow fresh install:
// - "WARN Failed to create bin": a workspace package whose bin points at a
//   file the build makes; pnpm links bins before anything is built.
// - "Ignored build scripts": a dependency with an install script that is in
//   neither onlyBuiltDependencies nor ignoredBuiltDependencies.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "..", "..");
const tracked = new Set(
  execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0"),
);
const workspace = parse(readFileSync(join(ROOT, "pnpm-workspace.yaml"), "utf8")) as {
  onlyBuiltDependencies?: string[];
  ignoredBuiltDependencies?: string[];
};

interface Manifest {
  name: string;
  bin?: string | Record<string, string>;
  scripts?: Record<string, string>;
}
const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Manifest;

const workspaceManifests = [...tracked]
  .filter((file) => file.endsWith("package.json") && !file.includes("node_modules"))
  .map((file) => ({ file, manifest: read(join(ROOT, file)) }));

describe("a fresh install", () => {
  test("links only bins that exist before the build (committed files)", () => {
    const dangling = workspaceManifests.flatMap(({ file, manifest }) => {
      const bins =
        typeof manifest.bin === "string" ? [manifest.bin] : Object.values(manifest.bin ?? {});
      const dir = file.slice(0, -"package.json".length);
      return bins
        .map((bin) => join(dir, bin).replace(/\\/g, "/"))
        .filter((path) => !tracked.has(path))
        .map((path) => `${manifest.name}: ${path}`);
    });
    expect(workspaceManifests.some(({ manifest }) => manifest.bin)).toBe(true);
    expect(dangling).toEqual([]);
  });

  test("has no dependency whose install script pnpm would ask about", () => {
    const store = join(ROOT, "node_modules", ".pnpm");
    expect(existsSync(store)).toBe(true);
    const decided = new Set([
      ...(workspace.onlyBuiltDependencies ?? []),
      ...(workspace.ignoredBuiltDependencies ?? []),
    ]);
    const undecided = new Set<string>();
    for (const entry of readdirSync(store)) {
      const modules = join(store, entry, "node_modules");
      if (!existsSync(modules)) continue;
      for (const name of packagesIn(modules)) {
        const manifest = join(modules, name, "package.json");
        if (!existsSync(manifest)) continue;
        const { scripts = {} } = read(manifest);
        const builds = ["preinstall", "install", "postinstall"].some((hook) => scripts[hook]);
        if (builds && !decided.has(name)) undecided.add(name);
      }
    }
    expect([...undecided].sort()).toEqual([]);
  });
});

/** The package folders directly in a node_modules folder, scoped ones included. */
function packagesIn(modules: string): string[] {
  return readdirSync(modules).flatMap((name) =>
    name.startsWith("@")
      ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`)
      : name.startsWith(".")
        ? []
        : [name],
  );
}
