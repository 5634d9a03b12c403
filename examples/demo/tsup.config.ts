import { defineConfig } from "tsup";

// A Node app: one ES module build, its workspace packages left as imports.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: false,
});
