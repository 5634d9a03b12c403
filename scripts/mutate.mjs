#!/usr/bin/env node
// `pnpm mutate [client|redirect|oauth|internal|sandbox] [--mutate <globs>] [--ignore-static]`: mutation testing of the packages' src/ with
// StrykerJS, one package after the other, then one line of scores; it exits 1
// when a package scores under the goal (90 %). Outside the
// test command: it runs every test once per mutant and takes minutes.
// MUTATE_CONCURRENCY (default 2) sets how many test runners work at once.
// `--mutate` (Stryker's own option: comma-separated globs, relative to the
// package) mutates only part of a package, for one too large to run whole in
// one sitting: MUTATION.md adds the parts up. `--ignore-static` leaves out
// the mutants of code that runs only at import (each would need the whole
// suite), which Stryker tells apart by per-test coverage (client, oauth): it
// counts them as ignored, outside the score.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// How Stryker picks the tests for a mutant. "all" runs every test against every
// mutant: exact, and quick for redirect's fast tests. The client's tests wait
// on real servers and timers, so it runs only the tests that reach the mutant
// ("perTest"); MUTATION.md says how its survivors were checked. The oauth
// package's tests start login servers (the sandbox, oidc-provider), so it
// runs per test as well. The sandbox's tests mostly start one sandbox per
// file, before the tests: per test, Stryker sees only the code a test reaches
// after that, and leaves out tests that would fail (a seeded reminder emptied
// "survived" because the test that reads it was never run), so the sandbox
// runs "all": slower, without that gap. A mutant that stops the sandbox from
// starting fails each file's `beforeAll` and Vitest skips the tests; a reporter
// added under Stryker (scripts/failed-setup-reporter.mjs) turns that into a
// failed test, so it counts as killed. The shared private package (bundled
// into the others) has quick tests of its own: "all".
const coverage = {
  redirect: "all",
  client: "perTest",
  oauth: "perTest",
  internal: "all",
  sandbox: "all",
};
const all = Object.keys(coverage);
const { positionals: selected, values: options } = parseArgs({
  allowPositionals: true,
  options: { mutate: { type: "string" }, "ignore-static": { type: "boolean" } },
});
for (const name of selected) {
  if (!all.includes(name)) {
    console.error(`Unknown package "${name}": choose from ${all.join(", ")}.`);
    process.exit(2);
  }
}
// The package exports no path to its command, so it is run from node_modules/.bin.
const stryker = join(
  root,
  "node_modules",
  ".bin",
  process.platform === "win32" ? "stryker.cmd" : "stryker",
);

/** The score each package must reach; below it the command exits 1. */
const GOAL = 90;
const scores = [];
let failed = false;
for (const name of selected.length ? selected : all) {
  const cwd = join(root, "packages", name);
  console.log(`\n== @connect-payment/${name}: stryker run ==`);
  const args = ["run", join(root, "stryker.config.mjs"), "--coverageAnalysis", coverage[name]];
  if (options.mutate) args.push("--mutate", options.mutate);
  if (options["ignore-static"]) args.push("--ignoreStatic");
  const run = spawnSync(stryker, args, {
    cwd,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (run.status !== 0) {
    failed = true;
    scores.push(`${name}: stryker failed (exit ${run.status})`);
    continue;
  }
  const result = score(join(cwd, "reports/mutation/mutation.json"));
  if (!(result.percent >= GOAL)) failed = true;
  scores.push(`${name}: ${result.text}`);
}
console.log(`\nMutation score (goal ${GOAL} % each): ${scores.join("; ")}`);
process.exit(failed ? 1 : 0);

/** The mutation score, as Stryker counts it: killed and timed out over all valid mutants. */
function score(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const count = {};
  for (const { mutants } of Object.values(report.files)) {
    for (const { status } of mutants) count[status] = (count[status] ?? 0) + 1;
  }
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0);
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0);
  const percent = valid ? (100 * detected) / valid : NaN;
  const survived = count.Survived ?? 0;
  const uncovered = count.NoCoverage ?? 0;
  return {
    percent,
    text: `${percent.toFixed(2)} % (${detected} of ${valid} detected, ${survived} survived, ${uncovered} without coverage)`,
  };
}
