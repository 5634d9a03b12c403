import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import shared, { underMutation } from "../../vitest.shared.js";

// Under mutation testing the tests that run the built command are left out: a
// mutant changes the source, never dist/, so they cannot catch one and only
// slow every run. A mutant that makes a request hang fails its test after 15 s
// instead of waiting out Stryker's own timeout.
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
      ...(underMutation && { hookTimeout: 15_000, exclude: BUILT_COMMAND_TESTS }),
    },
  }),
);
