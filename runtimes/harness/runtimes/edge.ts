import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MissingRuntime, type CheckResult, type Runtime } from "../runtime.js";

const require = createRequire(import.meta.url);

/** The Vercel edge runtime (`@edge-runtime/vm`): Web APIs only, no `process`, `Buffer` or `require`. */
export const edge: Runtime = {
  id: "edge",
  name: "Vercel edge runtime",
  version() {
    try {
      const manifest = readFileSync(require.resolve("@edge-runtime/vm/package.json"), "utf8");
      return (JSON.parse(manifest) as { version: string }).version;
    } catch {
      return "not installed";
    }
  },
  // Its fetch is Node's undici, which puts the code on `cause.code` as in Node.
  neverSentRecognised: true,
  async run(matrix, env) {
    let EdgeVM: typeof import("@edge-runtime/vm").EdgeVM;
    try {
      ({ EdgeVM } = await import("@edge-runtime/vm"));
    } catch (error) {
      throw new MissingRuntime(
        "@edge-runtime/vm",
        "runtimes/node_modules/@edge-runtime/vm",
        `It comes with \`pnpm install\` (pinned in runtimes/package.json). ${String(error)}`,
      );
    }
    const vm = new EdgeVM();
    vm.evaluate(matrix.bundles.edge!);
    // A string crosses the VM boundary as it is; objects would keep the VM's prototypes.
    const json = await vm.evaluate<Promise<string>>(
      `connectScenario.runScenario(${JSON.stringify(env)}).then(JSON.stringify)`,
    );
    return JSON.parse(json) as CheckResult[];
  },
};
