import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../vitest.shared.js";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      // Packs and installs the packages once, and starts the API server, for every runtime.
      globalSetup: ["./harness/prepare.ts"],
      hookTimeout: 120_000,
    },
  }),
);
