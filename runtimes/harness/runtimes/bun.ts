import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MissingRuntime, runProgram, versionOf, type Runtime } from "../runtime.js";

const require = createRequire(import.meta.url);

/** The binary the `bun` npm package's install script puts in its bin/. */
function bunBinary(): string {
  try {
    return join(dirname(require.resolve("bun/package.json")), "bin", "bun.exe");
  } catch {
    return "runtimes/node_modules/bun";
  }
}

/** Bun, from the npm package `bun` pinned in runtimes/package.json. */
export const bun: Runtime = {
  id: "bun",
  name: "Bun",
  version: () => versionOf(bunBinary()),
  neverSentRecognised: true,
  async run(matrix, env) {
    const binary = bunBinary();
    // Without its install script, the package's bin is a small placeholder, not Bun.
    if (!/^\d+\.\d+\.\d+/.test(versionOf(binary))) {
      throw new MissingRuntime(
        "Bun",
        binary,
        "It comes with `pnpm install` (the `bun` package in runtimes/package.json, whose install script pnpm-workspace.yaml allows); run `pnpm install`, or `pnpm rebuild bun` if install scripts were skipped.",
      );
    }
    return runProgram(matrix, env, binary, ["run"], { NO_COLOR: "1" });
  },
};
