import { defineConfig } from "tsup";

export default defineConfig({
  // Two entries: `raw` alone imports openapi-fetch. Shared code goes to one
  // chunk (ESM and CommonJS alike), so both entries throw the same ConnectError class.
  entry: { index: "src/index.ts", raw: "src/raw.ts" },
  splitting: true,
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: false,
});
