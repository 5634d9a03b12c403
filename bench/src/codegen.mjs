// Section 5: how long `pnpm generate` takes, cold (turbo --force) and cached.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const turbo = createRequire(`${root}package.json`).resolve("turbo/bin/turbo");

function timeTurbo(...args) {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [turbo, "run", "generate", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`turbo run generate failed:\n${result.stdout}`);
  return (performance.now() - t0) / 1000;
}

/** Median seconds of `runs` cold runs and `runs` cached runs (each cached run follows a cold one). */
export function benchCodegen({ runs }) {
  const cold = [];
  const cached = [];
  for (let run = 0; run < runs; run++) {
    cold.push(timeTurbo("--force"));
    cached.push(timeTurbo());
  }
  const coldSeconds = median(cold);
  const cachedSeconds = median(cached);
  return { coldSeconds, cachedSeconds, cachedVsCold: cachedSeconds / coldSeconds };
}
