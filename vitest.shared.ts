// Settings every package's vitest config starts from. The JSON report lets the
// test command add up the results of every package in one closing line.
import { defineConfig } from "vitest/config";
import FailedSetupReporter from "./scripts/failed-setup-reporter.mjs";

// Stryker runs each test runner in a worker process that it marks with this
// variable: only there does a failed setup need to show as a failed test (and
// a package's config may change what else runs; the sandbox's does).
export const underMutation = process.env.STRYKER_MUTATOR_WORKER !== undefined;

export default defineConfig({
  test: {
    reporters: underMutation ? ["default", new FailedSetupReporter()] : ["default", "json"],
    outputFile: { json: "test-results.json" },
    typecheck: { tsconfig: "./tsconfig.json" },
    // A loaded machine runs a test several times slower than an idle one (see
    // CONTRIBUTING, "Green on a loaded machine"): vitest's 5 s default is no margin.
    // A package may set more; exact waits are checked on a fake clock, never here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
