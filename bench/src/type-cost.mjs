// Section 4: what the compiler spends on a consumer file using our client,
// next to the same file written against plain openapi-fetch.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const typeCostDir = fileURLToPath(new URL("../type-cost/", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** Runs `tsc --extendedDiagnostics` on type-cost/tsconfig.<name>.json and reads its figures. */
function diagnose(name) {
  const result = spawnSync(
    process.execPath,
    [tsc, "--noEmit", "--extendedDiagnostics", "-p", `${typeCostDir}tsconfig.${name}.json`],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`tsc failed on type-cost/${name}.ts:\n${result.stdout}`);
  const figure = (label) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(result.stdout);
    if (!match) throw new Error(`tsc printed no "${label}" for type-cost/${name}.ts`);
    return Number(match[1]);
  };
  return {
    types: figure("Types"),
    instantiations: figure("Instantiations"),
    checkSeconds: figure("Check time"),
  };
}

/** Compiles ours.ts and plain.ts `runs` times each, interleaved; medians and ratios. */
export function benchTypeCost({ runs }) {
  const samples = { ours: [], plain: [] };
  for (let run = 0; run < runs; run++) {
    for (const name of ["plain", "ours"]) samples[name].push(diagnose(name));
  }
  const summary = (name) => ({
    types: median(samples[name].map((s) => s.types)),
    instantiations: median(samples[name].map((s) => s.instantiations)),
    checkSeconds: median(samples[name].map((s) => s.checkSeconds)),
  });
  const ours = summary("ours");
  const plain = summary("plain");
  return {
    plain,
    ours,
    instantiationsRatio: ours.instantiations / plain.instantiations,
    checkTimeRatio: ours.checkSeconds / plain.checkSeconds,
  };
}
