import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      // A loaded machine runs a test several times slower than an idle one (see
      // CONTRIBUTING, "Green on a loaded machine"); 5 s, the default, is not a margin.
      // A passing test never comes near it; exact waits are checked on a fake clock.
      testTimeout: 30_000,
      hookTimeout: 30_000,
      setupFiles: ["test/setup.ts"],
      typecheck: { include: ["test/**/*.test-d.ts"] },
    },
  }),
);
