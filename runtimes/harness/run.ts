// Runs a command to completion, failing with its output so a broken step says
// what broke. The environment drops the npm_* variables a parent pnpm sets, so
// npm behaves as in a user's fresh terminal.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: { ...cleanEnv(), ...options.env },
        maxBuffer: 20 * 1024 * 1024,
        timeout: options.timeoutMs ?? 120_000,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const shown = [basename(command), ...args].join(" ");
        reject(
          new Error(`\`${shown}\` failed (${error.code ?? error.signal}):\n${stdout}\n${stderr}`),
        );
      },
    );
  });
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && (!/^npm_/i.test(key) || /^npm_config_registry$/i.test(key))) {
      env[key] = value;
    }
  }
  return {
    ...env,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
}

/** pnpm as the one running these tests, or the version pinned in the root package.json through npx. */
export function pnpmCommand(): [string, string[]] {
  const current = process.env.npm_execpath;
  if (current && basename(current).startsWith("pnpm")) return [process.execPath, [current]];
  const root = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return ["npx", ["--yes", root.packageManager as string]];
}
