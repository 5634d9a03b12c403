// How the API reference names its modules and links its sources, so that
// both lead where a reader expects (scripts/docs.mjs applies both; the
// tests in tests/docs-site/ check them on a real conversion).
//
// - A module is named by its import path: `@connect-payment/client`, and
//   `@connect-payment/client/raw` for the entry of that subpath export
//   (TypeDoc names a module by its file path, "packages/client/src/raw").
// - A "Defined in" link points at the file in the repository, from the
//   repository root (with git disabled, TypeDoc cut the path short, dropping
//   `packages/`); a declaration from outside the repository (node_modules:
//   TypeScript's lib, @types/node, inherited by an error class) keeps its
//   file name but gets no link, since it has no page in this repository.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import * as td from "typedoc";

/**
 * The import path of the module TypeDoc named `name` (a path relative to
 * `root`), or `undefined` when no package.json is found above it.
 */
export function importPathOf(root, name) {
  const file = resolve(root, name);
  for (let dir = file; dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    const inside = relative(dir, file).split(sep).join("/");
    // The main entry (src/index.ts, index.d.ts) is the package itself; another
    // entry is the subpath it is exported as (src/raw.ts → ./raw).
    const subpath = inside.replace(/^src(\/|$)/, "").replace(/(^|\/)index$/, "");
    return subpath ? exportedAs(pkg, subpath) : pkg.name;
  }
  return undefined;
}

function exportedAs(pkg, subpath) {
  const key = `./${subpath}`;
  return pkg.exports && typeof pkg.exports === "object" && key in pkg.exports
    ? `${pkg.name}/${subpath}`
    : undefined;
}

/** Renames every module of the project to its import path. */
export function nameModulesByImportPath(project, root) {
  for (const module of project.getReflectionsByKind(td.ReflectionKind.Module)) {
    module.name = importPathOf(root, module.name) ?? module.name;
  }
}

/** Points every source link at the repository; drops links to files outside it. */
export function linkSourcesToRepository(project, root, template, revision) {
  for (const reflection of Object.values(project.reflections)) {
    for (const source of reflection.sources ?? []) {
      const path = relative(root, source.fullFileName).split(sep).join("/");
      const inRepository = !path.startsWith("..") && !path.split("/").includes("node_modules");
      source.url = inRepository
        ? template
            .replace("{gitRevision}", revision)
            .replace("{path}", path)
            .replace("{line}", String(source.line))
        : undefined;
    }
  }
}
