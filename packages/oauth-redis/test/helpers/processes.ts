// Forks merchant processes (worker.mjs) and collects what each saw.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./worker.mjs", import.meta.url));

export interface Task {
  redisUrl: string;
  loginServer: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  login: string;
  calls: number;
  invoice: object;
  leaseMs?: number;
  hangOnRefresh?: boolean;
}

export type Outcome =
  { ok: true; transactionId: number } | { ok: false; code: string; message: string };

export interface Report {
  tokenRequests: number;
  outcomes: Outcome[];
}

export interface Worker {
  child: ChildProcess;
  /** Resolves once the worker is connected and waiting for `go`. */
  ready: Promise<void>;
  /** Resolves with its report after `go`. */
  report: Promise<Report>;
  /** Resolves when it says it has started a refresh. */
  refreshing: Promise<void>;
  go(): void;
}

export function startWorker(task: Task): Worker {
  const child = fork(WORKER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const on = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      child.on("message", (message: Record<string, unknown>) => {
        if (message[key]) resolve(message as T);
      });
      child.on("exit", (code) => reject(new Error(`worker exited (${code}) before "${key}"`)));
    });
  const ready = on<unknown>("ready").then(() => {});
  const report = on<Report>("done");
  const refreshing = on<unknown>("refreshing").then(() => {});
  // Each waits only when a test asks; never an unhandled rejection.
  for (const promise of [ready, report, refreshing]) promise.catch(() => {});
  child.send(task);
  return { child, ready, report, refreshing, go: () => child.send("go") };
}

/** Starts `count` workers and lets them all go at once, once every one is ready. */
export async function runTogether(count: number, task: Task): Promise<Report[]> {
  const workers = Array.from({ length: count }, () => startWorker(task));
  await Promise.all(workers.map((worker) => worker.ready));
  for (const worker of workers) worker.go();
  return Promise.all(workers.map((worker) => worker.report));
}
