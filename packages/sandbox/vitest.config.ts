import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

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
      testTimeout: 120_000,
    },
  }),
);
