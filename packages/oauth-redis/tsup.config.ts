import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: false,
  // Never bundled: redis is the merchant's own client (a peer), and
  // @connect-payment/oauth must be the one copy the merchant's login uses.
  external: ["redis", "@connect-payment/oauth"],
});
