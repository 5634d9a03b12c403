import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MissingRuntime, type CheckResult, type Runtime } from "../runtime.js";

const require = createRequire(import.meta.url);

/** The workerd that miniflare runs: its own pinned dependency. */
function workerdVersion(): string {
  try {
    const miniflare = require.resolve("miniflare");
    const manifest = createRequire(miniflare).resolve("workerd/package.json");
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

/** Cloudflare's workerd, through miniflare (3.x: miniflare 4 declares Node 22). */
export const workerd: Runtime = {
  id: "workerd",
  name: "Cloudflare workerd",
  version: workerdVersion,
  neverSentRecognised: false,
  async run(matrix, env) {
    let Miniflare: typeof import("miniflare").Miniflare;
    try {
      ({ Miniflare } = await import("miniflare"));
    } catch (error) {
      throw new MissingRuntime(
        "miniflare (workerd)",
        "runtimes/node_modules/miniflare",
        `It comes with \`pnpm install\` (the \`miniflare\` package in runtimes/package.json; workerd's install script is allowed in pnpm-workspace.yaml). ${String(error)}`,
      );
    }
    const worker = new Miniflare({
      modules: true,
      script: matrix.bundles.workerd!,
      compatibilityDate: "2025-07-18",
    });
    try {
      const response = await worker.dispatchFetch("http://scenario.local/", {
        method: "POST",
        body: JSON.stringify(env),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`the worker answered ${response.status}: ${text}`);
      return JSON.parse(text) as CheckResult[];
    } finally {
      await worker.dispose();
    }
  },
};
