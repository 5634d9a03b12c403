// Property tests run from one pinned seed, so a failure found in CI replays
// anywhere: fast-check prints the seed and the path with every counterexample.
// Set FC_SEED to explore other inputs.
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20261126);
fc.configureGlobal({ seed });
console.info(`fast-check seed ${seed} (set FC_SEED to change it)`);
