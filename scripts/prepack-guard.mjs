#!/usr/bin/env node
// Run as each published package's `prepack`: refuses to pack (and so to
// publish) a package whose entry points are missing. Without it, packing an
// unbuilt package gives a tarball of LICENSE, package.json and README only.
//
//   "prepack": "node ../../scripts/prepack-guard.mjs"
//
// Checks every file that package.json points at: main, module, types, bin and
// each path in exports (the package's own files only, not patterns).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const missing = [...new Set(entryPoints(manifest))].filter((path) => !existsSync(join(dir, path)));

if (missing.length > 0) {
  console.error(
    `Cannot pack ${manifest.name}: it is not built. Missing: ${missing.join(", ")}.\n` +
      `Build it first: pnpm --filter ${manifest.name} build (or pnpm build for every package).`,
  );
  process.exit(1);
}

/** Every relative file path the manifest names as an entry point. */
function entryPoints(pkg) {
  const found = [];
  const add = (value) => {
    if (typeof value === "string") {
      if (value.startsWith("./") && !value.includes("*")) found.push(value);
      else if (!value.startsWith(".") && !value.includes("*") && /\.\w+$/.test(value))
        found.push(`./${value}`);
    } else if (value && typeof value === "object") {
      Object.values(value).forEach(add);
    }
  };
  add(pkg.main);
  add(pkg.module);
  add(pkg.types);
  add(pkg.bin);
  add(pkg.exports);
  return found;
}
