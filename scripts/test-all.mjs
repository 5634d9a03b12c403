#!/usr/bin/env node
// The one test command: every check CI runs, in order, then one summary.
//
//   pnpm test:all
//
// Steps: the drift check (before anything regenerates), the spec, workflow and
// root code linters and prettier, then every package's build, lint, typecheck
// and tests through turbo, then the size budgets. The docs build (`pnpm run docs`) runs inside
// the tests: tests/docs-site builds the site once and opens every page in
// Chromium. The closing line adds up the tests of every package.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { ensureChromium } from "./chromium.mjs";
import { ensureRedisServer } from "./redis-server.mjs";

const root = join(import.meta.dirname, "..");
const pnpm = process.env.npm_execpath;
if (!pnpm) {
  console.error("Run this through pnpm: `pnpm test:all` (see README).");
  process.exit(2);
}

const steps = [
  ["browser", () => ensureChromium()],
  // The Redis token store's tests start their own redis-server (Debian's package).
  ["redis-server", () => ensureRedisServer()],
  ["drift check", () => run("run", "check:drift")],
  // Redocly, then Spectral with the OWASP ruleset (both in `lint:spec`).
  ["spec lint", () => run("run", "lint:spec")],
  ["workflow lint", () => run("run", "lint:workflows")],
  // ESLint on the root's own code (scripts, openapi, docs config); each workspace's own
  // code is linted by its `lint` task in the turbo step below.
  ["repo lint", () => run("run", "lint:repo")],
  ["format", () => run("exec", "prettier", "--check", ".")],
  [
    "build, lint, typecheck, test",
    () => run("exec", "turbo", "run", "build", "lint", "typecheck", "test", "--log-order=grouped"),
  ],
  // Reads the dist/ that the step above built.
  ["size budgets", () => run("run", "size")],
];

function run(...args) {
  const result = spawnSync(process.execPath, [pnpm, ...args], { cwd: root, stdio: "inherit" });
  return result.status === 0;
}

// Reports from an earlier run must not count towards this one.
for (const { path } of listWorkspaces()) rmSync(join(path, "test-results.json"), { force: true });

const outcomes = [];
for (const [name, step] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const ok = await step();
  outcomes.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) break;
}

const results = collectTestResults();
console.log("\n──────── summary ────────");
for (const { name, ok, seconds } of outcomes) {
  console.log(`${ok ? "✔" : "✘"} ${name} (${seconds.toFixed(1)} s)`);
}
for (const step of steps.slice(outcomes.length)) console.log(`- ${step[0]} (not run)`);
for (const r of results) {
  console.log(`  ${r.workspace}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
}
// Name what failed at the end, where a log cut to its last lines still shows it.
for (const r of results) {
  for (const failure of r.failures) console.log(`  ✘ ${r.workspace} › ${failure}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const allStepsOk = outcomes.length === steps.length && outcomes.every((o) => o.ok);
const ok = allStepsOk && failed === 0 && passed > 0;
console.log(`${ok ? "PASS" : "FAIL"}: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);

function listWorkspaces() {
  const listing = spawnSync(process.execPath, [pnpm, "ls", "-r", "--depth", "-1", "--json"], {
    cwd: root,
    encoding: "utf8",
  });
  return JSON.parse(listing.stdout || "[]");
}

/** Reads the JSON report that each workspace's vitest run leaves behind. */
function collectTestResults() {
  const found = [];
  for (const { name, path } of listWorkspaces()) {
    const file = join(path, "test-results.json");
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    const failures = listFailures(report, path);
    found.push({
      workspace: name,
      passed: report.numPassedTests,
      failed: failures.length,
      skipped: report.numPendingTests + report.numTodoTests,
      failures,
    });
  }
  return found;
}

/**
 * Each failed test, and each file that failed outside its tests (a hook, an
 * import, an unhandled error), as "file › test: first line of the error".
 */
function listFailures(report, workspacePath) {
  const failures = [];
  for (const file of report.testResults) {
    const name = relative(workspacePath, file.name);
    const failedTests = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failedTests) {
      failures.push(`${name} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (file.status === "failed" && failedTests.length === 0) {
      failures.push(`${name}: ${firstLine(file.message)}`);
    }
  }
  return failures;
}

// A declaration, not a const: the summary above calls it before this line runs.
function firstLine(text = "") {
  return text.trim().split("\n")[0].slice(0, 300);
}
