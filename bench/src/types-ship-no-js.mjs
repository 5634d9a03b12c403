#!/usr/bin/env node
// The size budget of @connect-payment/types is 0 bytes of JavaScript. Lists
// the files its tarball would hold (`npm pack --dry-run`) and fails if any of
// them is JavaScript.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const typesDir = fileURLToPath(new URL("../../packages/types/", import.meta.url));
const JAVASCRIPT = /\.(?:c|m)?jsx?$/;

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const pack = spawnSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], {
  cwd: typesDir,
  encoding: "utf8",
});
if (pack.status !== 0) {
  console.error(`npm pack --dry-run failed in packages/types:\n${pack.stderr}`);
  process.exit(2);
}
const [{ files }] = JSON.parse(pack.stdout);
const javascript = files.filter((f) => JAVASCRIPT.test(f.path));
const bytes = javascript.reduce((sum, f) => sum + f.size, 0);

if (javascript.length > 0) {
  console.error(`✘ @connect-payment/types ships ${bytes} B of JavaScript (budget: 0 B):`);
  for (const f of javascript) console.error(`  ${f.path} (${f.size} B)`);
  process.exit(1);
}
console.log(
  `✔ @connect-payment/types ships 0 B of JavaScript in ${files.length} files (budget: 0 B)`,
);
