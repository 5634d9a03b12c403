import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../vitest.shared.js";

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["**/*.test.ts"],
      exclude: ["**/node_modules/**", "**/fixtures/**"],
      // Two files at a time (vitest's default on two cores is one): most files
      // here wait on other processes (a docs build, a registry, Chromium), so
      // the second core would otherwise sit idle. Files share no port (each
      // listens on port 0) and no folder (each writes to a fresh temporary one).
      maxWorkers: 2,
    },
  }),
);
