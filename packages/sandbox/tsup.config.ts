import { defineConfig } from "tsup";

// Node only. The library (and its msw entry) as ESM and CJS, each with its
// types; the command line as one ES module (it uses top-level await).
export default defineConfig([
  {
    entry: ["src/index.ts", "src/msw.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    // import.meta.url (to find the spec) in the CommonJS build too.
    shims: true,
    target: "node20",
    platform: "node",
    external: ["msw"],
    sourcemap: false,
  },
  {
    entry: ["src/cli.ts"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: false,
  },
]);
