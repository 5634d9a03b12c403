import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      passWithNoTests: false,
      // workerd starts in a few seconds on a loaded machine.
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  }),
);
