import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: false,
  // Both are the merchant's own: peer dependencies, never bundled.
  external: ["redis", "@connect-payment/oauth"],
});
