import { defineConfig, mergeConfig } from "vitest/config";
import shared, { underMutation } from "../../vitest.shared.js";

// Under mutation testing the tests of the build are left out: a mutant changes
// the source, never dist/, so they cannot catch one, and Stryker's rewritten
// sources make the build look older than them, which those tests refuse.
const BUILD_TESTS = ["test/build/dist.test.ts", "test/browser/browser.test.ts"];

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      ...(underMutation && { exclude: BUILD_TESTS }),
      // A loaded machine runs a test several times slower than an idle one (see
      // CONTRIBUTING, "Green on a loaded machine"); 5 s, the default, is not a margin.
      // A passing test never comes near it; exact waits are checked on a fake clock.
      testTimeout: 30_000,
      hookTimeout: 30_000,
      typecheck: { include: ["test/**/*.test-d.ts"] },
    },
  }),
);
