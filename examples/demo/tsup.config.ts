import { defineConfig } from "tsup";

// A Node app: ES modules, its workspace packages left as imports. The merchant
// process is an entry of its own: startDemoProcesses() forks it.
export default defineConfig({
  entry: ["src/index.ts", "src/merchant-process.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: false,
});
