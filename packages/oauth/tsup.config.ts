import { defineConfig, type Options } from "tsup";

const shared: Options = {
  entry: ["src/index.ts"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: false,
};

export default defineConfig([
  // ESM imports oauth4webapi, the package's one dependency.
  { ...shared, format: ["esm"], clean: true },
  // oauth4webapi ships ES modules only, and Node 20 before 20.19 cannot
  // require() one: the CommonJS build carries its own copy.
  { ...shared, format: ["cjs"], noExternal: ["oauth4webapi"] },
]);
