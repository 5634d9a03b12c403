import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import shared, { underMutation } from "../../vitest.shared.js";

// Under mutation testing the tests that run the built command are left out: a
// mutant changes the source, never dist/, so they cannot catch one and only
// slow every run. A mutant that makes a request hang fails its test after 15 s
// instead of waiting out Stryker's own timeout. The test files share one
// module graph (`isolate: false`): importing the sandbox afresh for each of
// ~50 files was three quarters of every mutant's run, and a whole-package run
// took about four hours. Vitest still imports the modules afresh for each run,
// so a mutant of code that runs at import is still seen (MUTATION.md compares
// the two settings mutant by mutant).
const BUILT_COMMAND_TESTS = [
  "test/cli/cli.test.ts",
  "test/cli/cli-invoices.test.ts",
  "test/cli/cli-prints.test.ts",
  "test/cli/hostile-flags.test.ts",
  "test/cli/rate-limit-flags.test.ts",
];

export default mergeConfig(
  shared,
  defineConfig({
    // The README's merchant test imports the package by name, as a merchant's would.
    resolve: {
      alias: {
        "@connect-payment/sandbox": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
      },
    },
    test: {
      include: ["test/**/*.test.ts"],
      passWithNoTests: false,
      // Its CLI tests start Node processes, which take many seconds each on a
      // loaded machine (one took 33 s): a wide margin, nothing timed.
      testTimeout: underMutation ? 15_000 : 120_000,
      ...(underMutation && {
        hookTimeout: 15_000,
        exclude: BUILT_COMMAND_TESTS,
        isolate: false,
      }),
    },
  }),
);
