import { defineConfig } from "tsup";

// `pnpm start` only: the recipe's server, against a sandbox of its own.
export default defineConfig({
  entry: ["src/server.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  platform: "node",
  // The packages stay imports, as in an app that installs them.
  skipNodeModulesBundle: true,
});
