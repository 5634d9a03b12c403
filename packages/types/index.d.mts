// The ESM entry: the same types as index.d.ts, for `import` consumers.
export type * from "./index.js";
