// Settings every package's vitest config starts from. The JSON report lets the
// test command add up the results of every package in one closing line.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    typecheck: { tsconfig: "./tsconfig.json" },
  },
});
