// Section 3b: a cold import of each package, each time in a fresh Node
// process, next to a cold import of openapi-fetch alone.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const benchDir = fileURLToPath(new URL("..", import.meta.url));

// Times the import() inside the child, after a warm-up import of an empty
// module, which leaves Node's own start-up out; the wall time of the whole
// process is kept beside it.
const script = (specifier) =>
  `await import("./src/empty-module.mjs"); ` +
  `const t0 = performance.now(); await import(${JSON.stringify(specifier)}); ` +
  `process.stdout.write(String(performance.now() - t0));`;

function once(specifier) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script(specifier)], {
    cwd: benchDir,
    encoding: "utf8",
  });
  const wallMs = performance.now() - t0;
  if (child.status !== 0) throw new Error(`import("${specifier}") failed:\n${child.stderr}`);
  return { importMs: Number(child.stdout), wallMs };
}

/**
 * `targets` is a list of { id, specifier }; the first is the baseline the
 * others are divided by. Runs are interleaved so a busy moment on the machine
 * hits every target alike. Returns median import and wall times per id.
 */
export function benchColdImport(targets, { runs }) {
  const samples = Object.fromEntries(targets.map((t) => [t.id, []]));
  for (let run = 0; run < runs; run++) {
    for (const { id, specifier } of targets) samples[id].push(once(specifier));
  }
  const [baseline] = targets;
  const importMs = (id) => median(samples[id].map((s) => s.importMs));
  const wallMs = (id) => median(samples[id].map((s) => s.wallMs));
  return Object.fromEntries(
    targets.map(({ id }) => [
      id,
      {
        importMs: importMs(id),
        wallMs: wallMs(id),
        importVsBaseline: importMs(id) / importMs(baseline.id),
        wallVsBaseline: wallMs(id) / wallMs(baseline.id),
      },
    ]),
  );
}
