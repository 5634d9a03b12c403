// The suites are the files scenario/*.suite.mjs: one per package, each an
// object of checks by name. Adding a file adds its checks to every runtime.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SCENARIO_DIR = fileURLToPath(new URL("../scenario/", import.meta.url));

/** The suite files, e.g. ["client.suite.mjs", "redirect.suite.mjs"]. */
export const suiteFiles = (): string[] =>
  readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith(".suite.mjs"))
    .sort();

export const suiteName = (file: string): string => file.replace(/\.suite\.mjs$/, "");

/** Every suite's check names, read from the files themselves (as the workspace links resolve them). */
export async function loadCheckNames(): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  for (const file of suiteFiles()) {
    const suite = (await import(`${SCENARIO_DIR}${file}`)).default as Record<string, unknown>;
    names.set(suiteName(file), Object.keys(suite));
  }
  return names;
}

/** The module each runtime loads: it imports every suite and runs them all. */
export function indexModule(): string {
  const files = suiteFiles();
  const imports = files.map((file, i) => `import suite${i} from "./${file}";`);
  const entries = files.map((file, i) => `  ${JSON.stringify(suiteName(file))}: suite${i},`);
  return [
    "// Written by the harness: every scenario/*.suite.mjs, run in order.",
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
