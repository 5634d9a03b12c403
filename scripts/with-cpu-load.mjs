#!/usr/bin/env node
// Runs a command while every core is kept busy, to prove that tests do not
// depend on scheduling: a test that races a timer, or asserts how long
// something took, fails here long before it fails on a busy CI runner.
//
//   node scripts/with-cpu-load.mjs [--workers N] [--runs N] <command> [args…]
//   pnpm test:loaded            (the whole test command under load)
//
// One busy-loop worker thread per core (or N), started before the command
// and stopped when it ends, however it ends. With --runs, the command runs
// that many times in a row and the first failure stops the loop. Exits with
// the command's exit code.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** The options before the command, and the command itself. */
function parseArguments(argv) {
  const options = { workers: availableParallelism(), runs: 1 };
  let index = 0;
  for (; index < argv.length && argv[index].startsWith("--"); index += 2) {
    const name = argv[index].slice(2);
    const value = Number(argv[index + 1]);
    if (!(name in options) || !Number.isInteger(value) || value < 1) {
      throw new Error(`${argv[index]} takes a whole number of at least 1`);
    }
    options[name] = value;
  }
  const command = argv.slice(index);
  if (!command.length) throw new Error("no command given");
  return { ...options, command };
}

/** A thread that keeps one core at 100 % until it is terminated. */
const busyLoop = () => new Worker("for (;;) {}", { eval: true });

/** Runs the command once, with the terminal attached; resolves to its exit code. */
const run = ([program, ...args]) =>
  new Promise((resolve) => {
    // shell: true finds pnpm/npx (.cmd files on Windows) as a terminal would.
    const child = spawn(program, args, { stdio: "inherit", shell: process.platform == "win32" });
    child.on("error", (error) => {
      console.error(`with-cpu-load: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

let options;
try {
  options = parseArguments(process.argv.slice(2));
} catch (error) {
  console.error(`with-cpu-load: ${error.message}`);
  console.error("usage: node scripts/with-cpu-load.mjs [--workers N] [--runs N] <command> [args…]");
  process.exit(2);
}

const workers = Array.from({ length: options.workers }, busyLoop);
console.log(
  `with-cpu-load: ${workers.length} busy-loop workers beside the command (${availableParallelism()} cores)`,
);
let code = 0;
for (let i = 1; i <= options.runs && code == 0; i++) {
  if (options.runs > 1) console.log(`with-cpu-load: run ${i} of ${options.runs}`);
  code = await run(options.command);
}
await Promise.all(workers.map((worker) => worker.terminate()));
console.log(`with-cpu-load: ${code == 0 ? "PASS" : `FAIL (exit code ${code})`} under load`);
process.exit(code);
