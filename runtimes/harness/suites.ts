// The suites are the files scenario/*.suite.mjs: one per package, each an
// object of checks by name. Adding a file adds its checks to every runtime,
// or to the runtimes it names in `export const runtimes = ["node", …]` (for a
// package that needs a server-side runtime).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SCENARIO_DIR = fileURLToPath(new URL("../scenario/", import.meta.url));

export interface SuiteInfo {
  /** "client" for scenario/client.suite.mjs. */
  name: string;
  file: string;
  checks: string[];
  /** The runtime ids it runs in; undefined for all. */
  runtimes: string[] | undefined;
}

/** Every suite, read from the files themselves (as the workspace links resolve their imports). */
export async function loadSuites(): Promise<SuiteInfo[]> {
  const files = readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith(".suite.mjs"))
    .sort();
  const suites: SuiteInfo[] = [];
  for (const file of files) {
    const module = await import(`${SCENARIO_DIR}${file}`);
    suites.push({
      name: file.replace(/\.suite\.mjs$/, ""),
      file,
      checks: Object.keys(module.default as Record<string, unknown>),
      runtimes: module.runtimes,
    });
  }
  return suites;
}

/** The suites that run in one runtime. */
export const suitesFor = (suites: SuiteInfo[], runtime: string): SuiteInfo[] =>
  suites.filter((suite) => !suite.runtimes || suite.runtimes.includes(runtime));

/** The module a runtime loads: it imports its suites and runs them all. */
export function indexModule(suites: SuiteInfo[]): string {
  const imports = suites.map((suite, i) => `import suite${i} from "./${suite.file}";`);
  const entries = suites.map((suite, i) => `  ${JSON.stringify(suite.name)}: suite${i},`);
  return [
    "// Written by the harness: the suites of one runtime, run in order.",
    'import { runSuites } from "./runner.mjs";',
    ...imports,
    "",
    "const suites = {",
    ...entries,
    "};",
    "",
    "/** @param {import('./support.mjs').ScenarioEnv} env */",
    "export const runScenario = (env) => runSuites(suites, env);",
    "",
  ].join("\n");
}
