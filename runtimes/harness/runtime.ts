// What a row of the matrix is: a runtime that runs the scenario folder and
// reports each check, plus the helper the command-line runtimes share.
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CheckResult } from "../scenario/runner.mjs";
import type { ScenarioEnv } from "../scenario/support.mjs";
import type { Matrix } from "./prepare.js";
import { run } from "../../scripts/run-command.mjs";

export type { CheckResult, ScenarioEnv };

export interface Runtime {
  /** Short, for the run prefix: "node", "workerd". */
  id: string;
  /** For people: "Cloudflare workerd". */
  name: string;
  /** The version that runs, or why none does. Never throws. */
  version(): string;
  /**
   * Whether this runtime's fetch error says, in a way the client reads, that a
   * refused connection never left (Node: `cause.code`, Bun: `code`).
   */
  neverSentRecognised: boolean;
  /** Runs the whole scenario; throws, saying how to install it, when the runtime is missing. */
  run(matrix: Matrix, env: ScenarioEnv): Promise<CheckResult[]>;
}

/** Thrown when a runtime is not installed: a failure that says how to fix it, never a skip. */
export class MissingRuntime extends Error {
  constructor(name: string, where: string, install: string) {
    super(`${name} not found at ${where}. ${install}`);
    this.name = "MissingRuntime";
  }
}

/** The first line `binary --version` prints, or "not installed". */
export function versionOf(binary: string, args = ["--version"]): string {
  if (!existsSync(binary)) return "not installed";
  try {
    return execFileSync(binary, args, { encoding: "utf8", timeout: 20_000 }).split("\n")[0]!.trim();
  } catch {
    return "not runnable";
  }
}

const MARKER = "@@scenario-results@@";

/**
 * Runs the scenario as a program of its own: writes a main module holding the
 * env, runs `binary ...args main`, and reads the results line it prints.
 */
export async function runProgram(
  matrix: Matrix,
  env: ScenarioEnv,
  binary: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CheckResult[]> {
  const main = join(matrix.dir, `main-${env.runtime}.mjs`);
  writeFileSync(
    main,
    [
      `import { runScenario } from "./scenario/index-${env.runtime}.mjs";`,
      `const results = await runScenario(${JSON.stringify(env)});`,
      `console.log(${JSON.stringify(MARKER)} + JSON.stringify(results));`,
      "",
    ].join("\n"),
  );
  const stdout = await run(binary, [...args, main], {
    cwd: matrix.dir,
    env: extraEnv,
    timeoutMs: 90_000,
  });
  const line = stdout.split("\n").find((text) => text.startsWith(MARKER));
  if (!line) throw new Error(`${binary} printed no results:\n${stdout}`);
  return JSON.parse(line.slice(MARKER.length)) as CheckResult[];
}
