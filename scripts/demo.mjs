#!/usr/bin/env node
// The main job. Until the sandbox and the demo merchant exist, it regenerates
// from the spec, builds every package and lists what each one produced.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const pnpm = process.env.npm_execpath;
for (const task of ["generate", "build"]) {
  const result = spawnSync(process.execPath, [pnpm, "exec", "turbo", "run", task], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function list(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? list(path) : [path];
  });
}

console.log("\nWhat the packages ship:");
for (const pkg of ["types", "client", "redirect"]) {
  const dir = join(root, "packages", pkg);
  const shipped = pkg === "types" ? ["index.d.ts", "generated", "openapi.yaml"] : ["dist"];
  for (const entry of shipped) {
    const path = join(dir, entry);
    const files = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? list(path) : [path];
    for (const file of files) {
      const size = statSync(file, { throwIfNoEntry: false })?.size;
      if (size !== undefined) console.log(`  ${relative(root, file)}  ${size} B`);
    }
  }
}
