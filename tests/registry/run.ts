// Runs a command to completion and fails with its output, so a broken step
// says what broke. Commands get an environment without the npm_* variables a
// parent pnpm or npm sets, so they behave as in a user's fresh terminal.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
}

export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: { ...cleanEnv(), ...options.env }, maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const shown = [command === process.execPath ? "node" : command, ...args].join(" ");
        reject(
          new Error(
            `\`${shown}\` failed (${error.code ?? error.signal}) in ${options.cwd}\n${stdout}\n${stderr}`,
          ),
        );
      },
    );
  });
}

export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
}

/**
 * pnpm as the one running these tests (under `pnpm test`), or the version
 * pinned in the root package.json through npx (under a bare `npx vitest`).
 */
export function pnpmCommand(): [string, string[]] {
  const current = process.env.npm_execpath;
  if (current && basename(current).startsWith("pnpm")) return [process.execPath, [current]];
  const root = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return ["npx", ["--yes", root.packageManager as string]];
}
