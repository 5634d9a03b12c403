// Vitest's global setup: once per run, packs every publishable package, installs
// the tarballs with plain npm in a temp folder (as a user would, no workspace
// links), copies the scenario beside them, bundles it for the runtimes that
// take one file, and starts the test API server. The runtimes then each run
// that one folder.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";
import type { ScenarioEnv } from "../scenario/support.mjs";
import { DEFAULT_OAUTH_CLIENT, startSandbox } from "@connect-payment/sandbox";
import { startApiServer } from "./api-server.js";
import { startRedis } from "../../packages/oauth-redis/test/helpers/redis-server.js";
import { pnpmCommand, run } from "../../scripts/run-command.mjs";
import { RUNTIMES } from "./runtimes/index.js";
import { SCENARIO_DIR, indexModule, loadSuites, suitesFor } from "./suites.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** What every runtime's run needs, handed to the test files by `inject("matrix")`. */
export interface Matrix {
  /** The folder with node_modules from the tarballs and the scenario in scenario/. */
  dir: string;
  /**
   * The scenario of each runtime that takes one file: for `edge` and `chromium` a classic
   * script defining `connectScenario.runScenario`, for `workerd` a Worker module that runs
   * the scenario for the JSON env it is POSTed.
   */
  bundles: Record<string, string>;
  api: string;
  refusedUrl: string;
  /** A redis-server on 127.0.0.1 (no persistence) for the oauth-redis suite. */
  redisUrl: string;
  /** A sandbox on 127.0.0.1 for the client-mode suite, its record shows a payment paid at once. */
  sandbox: ScenarioEnv["sandbox"];
  /** The packages installed, with their versions, e.g. "@connect-payment/client@0.0.0". */
  installed: string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    matrix: Matrix;
  }
}

/** The workspace packages that are published: every packages/* without `"private": true`. */
function publishablePackages(): { name: string; dir: string }[] {
  return readdirSync(join(ROOT, "packages"))
    .map((entry) => join(ROOT, "packages", entry))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name as string, dir }));
}

/** Packing an unbuilt package would ship nothing; say so instead of a confusing failure later. */
function expectBuilt(dir: string, name: string) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  for (const target of exportTargets(manifest.exports ?? {})) {
    const file = join(dir, target);
    if (!target.endsWith("package.json") && !existsSync(file)) {
      throw new Error(`${name}: ${relative(ROOT, file)} is missing. Build first: pnpm build`);
    }
  }
}

/** The files an `exports` map points at: its string values, never its keys (`"./msw"` is a subpath). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports === null || typeof exports !== "object") return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "connect-payment-runtimes-"));
  try {
    return await prepare(project, dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function prepare(project: TestProject, dir: string) {
  const started = Date.now();
  const tarballs = join(dir, "tarballs");
  mkdirSync(tarballs);
  const packages = publishablePackages();
  for (const { dir: packageDir, name } of packages) expectBuilt(packageDir, name);
  const [pnpm, pnpmArgs] = pnpmCommand();
  await Promise.all(
    packages.map(({ dir: cwd }) =>
      run(pnpm, [...pnpmArgs, "pack", "--pack-destination", tarballs], { cwd }),
    ),
  );
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "runtime-matrix", private: true, type: "module" }),
  );
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...files], {
    cwd: dir,
  });
  const installed = packages.map(({ name }) => {
    const manifest = JSON.parse(
      readFileSync(join(dir, "node_modules", name, "package.json"), "utf8"),
    );
    return `${name}@${manifest.version}`;
  });

  // Each runtime gets an index of its own suites: scenario/index-<runtime>.mjs.
  const scenario = join(dir, "scenario");
  cpSync(SCENARIO_DIR, scenario, { recursive: true });
  const suites = await loadSuites();
  for (const { id } of RUNTIMES) {
    writeFileSync(join(scenario, `index-${id}.mjs`), indexModule(suitesFor(suites, id)));
  }
  writeFileSync(
    join(scenario, "worker.mjs"),
    [
      'import { runScenario } from "./index-workerd.mjs";',
      "export default {",
      "  async fetch(request) {",
      "    return Response.json(await runScenario(await request.json()));",
      "  },",
      "};",
      "",
    ].join("\n"),
  );
  const bundle = (entry: string, options: Parameters<typeof build>[0]) =>
    build({
      entryPoints: [join(scenario, entry)],
      bundle: true,
      write: false,
      logLevel: "silent",
      absWorkingDir: dir,
      target: "es2022",
      platform: "browser",
      ...options,
    }).then((result) => result.outputFiles![0]!.text);
  const script = { format: "iife", globalName: "connectScenario" } as const;
  const [edge, chromium, workerd] = await Promise.all([
    bundle("index-edge.mjs", script),
    bundle("index-chromium.mjs", script),
    bundle("worker.mjs", { format: "esm", conditions: ["workerd", "worker", "browser"] }),
  ]);
  const bundles = { edge, chromium, workerd };

  const api = await startApiServer();
  const redis = await startRedis();
  const sandbox = await startSandbox({ paidRecordDelayMs: 0 });
  project.provide("matrix", {
    dir,
    bundles,
    api: api.url,
    redisUrl: redis.url,
    sandbox: {
      apiUrl: sandbox.apiUrl,
      loginServer: sandbox.loginServer,
      controlUrl: sandbox.controlUrl,
      ...DEFAULT_OAUTH_CLIENT,
    },
    refusedUrl: `http://127.0.0.1:${await closedPort()}`,
    installed,
  });
  console.log(
    `runtime matrix: ${installed.join(", ")} packed and installed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  return async () => {
    await api.close();
    await redis.stop();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
