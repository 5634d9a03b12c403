#!/usr/bin/env node
// Fails when source files import each other in a circle, directly or through
// others (type-only imports count: they tie the files together just the same).
// Each package runs it over its src/ in its test command.
//
//   node scripts/check-import-cycles.mjs [folder…]   (default: src)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const SOURCE = /\.(m|c)?tsx?$/;
// `import … from "./x.js"`, `export … from "./x.js"`, `import "./x.js"`, `import("./x.js")`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The file a relative specifier names: `./x.js` is `./x.ts` in the source. */
function target(from, specifier, files) {
  const path = resolve(dirname(from), specifier);
  const candidates = [
    path,
    path.replace(/\.(m|c)?js$/, ".$1ts"),
    `${path}.ts`,
    join(path, "index.ts"),
  ];
  return candidates.find((candidate) => files.has(candidate));
}

/** The import graph of the files under `folders`: file → files it imports. */
export function importGraph(folders) {
  const files = new Set(folders.flatMap((folder) => sourceFiles(resolve(folder))));
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const edges = [...text.matchAll(SPECIFIER)].map((match) => target(file, match[1], files));
    graph.set(file, [...new Set(edges.filter(Boolean))]);
  }
  return graph;
}

/** Every cycle, each once, as the list of files around it. */
export function findCycles(graph) {
  const cycles = [];
  const state = new Map(); // file → "open" while on the path, "done" after
  const path = [];
  const visit = (file) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const folders = process.argv.slice(2);
  const cycles = findCycles(importGraph(folders.length ? folders : ["src"]));
  for (const cycle of cycles) {
    const names = [...cycle, cycle[0]].map((file) => relative(process.cwd(), file));
    console.error(`import cycle: ${names.join(" -> ")}`);
  }
  if (cycles.length) {
    console.error(`${cycles.length} import cycle(s): move what both files need into a third file.`);
    process.exit(1);
  }
}
