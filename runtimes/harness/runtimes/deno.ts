import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MissingRuntime, runProgram, versionOf, type Runtime } from "../runtime.js";

const require = createRequire(import.meta.url);

/** The binary the `deno` npm package's install script puts beside its package.json. */
function denoBinary(): string {
  try {
    return join(dirname(require.resolve("deno/package.json")), "deno");
  } catch {
    return "runtimes/node_modules/deno";
  }
}

/** Deno, from the npm package `deno` pinned in runtimes/package.json. */
export const deno: Runtime = {
  id: "deno",
  name: "Deno",
  version: () =>
    versionOf(denoBinary())
      .replace(/^deno /, "")
      .replace(/ .*/, ""),
  neverSentRecognised: false,
  async run(matrix, env) {
    const binary = denoBinary();
    if (!/^deno \d/.test(versionOf(binary))) {
      throw new MissingRuntime(
        "Deno",
        binary,
        "It comes with `pnpm install` (the `deno` package in runtimes/package.json, whose install script pnpm-workspace.yaml allows); run `pnpm install`, or `pnpm rebuild deno` if install scripts were skipped.",
      );
    }
    // manual: use the node_modules npm installed, as a Deno user of npm packages does.
    return runProgram(matrix, env, binary, ["run", "-A", "--node-modules-dir=manual"], {
      DENO_NO_UPDATE_CHECK: "1",
      NO_COLOR: "1",
    });
  },
};
