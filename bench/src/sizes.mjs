// Section 6: the size budgets, read from size-limit (the same figures
// `pnpm size` enforces), so the results file shows them beside the rest.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(`${root}package.json`);

// The goals, from the issues that set the budgets. size-limit enforces the
// limits in .size-limit.cjs (today's sizes, so growth fails CI); the report
// shows both, so a missed goal stays visible.
const GOALS_BYTES = {
  "@connect-payment/client { createConnectClient } (payInvoice)": 2500,
  "@connect-payment/client { ConnectError }": 500,
  "@connect-payment/redirect": 1500,
};

export function readSizes() {
  const bin = join(dirname(require.resolve("size-limit/package.json")), "bin.js");
  const result = spawnSync(process.execPath, [bin, "--json"], { cwd: root, encoding: "utf8" });
  // size-limit exits 1 when a budget is exceeded; the JSON is printed either way.
  const entries = JSON.parse(result.stdout || "null");
  if (!Array.isArray(entries)) throw new Error(`size-limit --json failed:\n${result.stderr}`);
  const types = spawnSync(
    process.execPath,
    [fileURLToPath(new URL("./types-ship-no-js.mjs", import.meta.url))],
    {
      encoding: "utf8",
    },
  );
  return {
    entries: entries.map((e) => ({
      name: e.name,
      bytes: e.size,
      limitBytes: e.sizeLimit,
      goalBytes: GOALS_BYTES[e.name] ?? e.sizeLimit,
      passed: e.passed,
    })),
    typesShipNoJs: types.status === 0,
  };
}
