// Property tests run from one pinned seed, so a failure found in CI replays
// anywhere: fast-check prints the seed and the path with every counterexample
// ("Property failed after 3 tests { seed: 20261126, path: "2:0" … }").
// Set FC_SEED to another integer to explore other inputs.
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20261126);
if (!Number.isSafeInteger(seed)) throw new Error("FC_SEED must be an integer");
fc.configureGlobal({ seed });
