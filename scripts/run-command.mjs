// Runs a command to completion and fails with its output, so a broken step
// says what broke. The registry test (tests/registry) and the runtime matrix
// (runtimes/harness) both run npm, pnpm and Node this way.
//
// It lives here, as plain JavaScript with its types in run-command.d.mts (like
// check-versions.mjs), because both are workspaces of their own: each imports
// this one file by a relative path, and no package has to be built, linked or
// published for it.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

/** Runs `command` with `args` in `options.cwd`; resolves to its stdout. */
export function run(command, args, { cwd, env, timeoutMs = 120_000 }) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: { ...cleanEnv(), ...env }, maxBuffer: 20 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const shown = [basename(command), ...args].join(" ");
        const why = error.killed ? `killed after ${timeoutMs} ms` : (error.code ?? error.signal);
        reject(new Error(`\`${shown}\` failed (${why}) in ${cwd}\n${stdout}\n${stderr}`));
      },
    );
  });
}

/**
 * This process's environment without the npm_* variables a parent pnpm or npm
 * sets, so commands behave as in a user's fresh terminal. The registry a user
 * chose (npm_config_registry) stays: that is part of their terminal.
 */
export function cleanEnv() {
  const env = {};
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

/**
 * pnpm as the one running the tests (under `pnpm test`), or the version pinned
 * in the root package.json through npx (under a bare `npx vitest`).
 */
export function pnpmCommand() {
  const current = process.env.npm_execpath;
  if (current && basename(current).startsWith("pnpm")) return [process.execPath, [current]];
  const root = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return ["npx", ["--yes", root.packageManager]];
}
