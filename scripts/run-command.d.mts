// Types for run-command.mjs, so the registry test and the runtime matrix can import it.
export interface RunOptions {
  cwd: string;
  /** Added to (or overriding) `cleanEnv()`. */
  env?: Record<string, string>;
  /** Kills the command after this long; 120 000 ms by default. */
  timeoutMs?: number;
}

export declare function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<string>;
export declare function cleanEnv(): Record<string, string>;
export declare function pnpmCommand(): [string, string[]];
