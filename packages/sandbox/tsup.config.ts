import { defineConfig } from "tsup";

// A Node-only dev tool: one ES module build, no CommonJS.
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: false,
});
