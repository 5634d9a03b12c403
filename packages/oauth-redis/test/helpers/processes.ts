// Forks merchant processes (worker.mjs), gives them tasks, collects what each saw.
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
  /** Waits this long before sending a refresh, so every process's calls overlap it. */
  refreshDelayMs?: number;
}

export type Outcome =
  { ok: true; transactionId: number } | { ok: false; code: string; message: string };

export interface Report {
  tokenRequests: number;
  outcomes: Outcome[];
}

export interface Worker {
  child: ChildProcess;
  /** Connects for `task`; resolves once it waits for {@link Worker.go}. */
  prepare(task: Task): Promise<void>;
  /** Pays; resolves with what it saw. */
  go(): Promise<Report>;
  /** Resolves when it says it has started a refresh (a task with `hangOnRefresh`). */
  refreshing: Promise<void>;
  exit(): void;
}

export function startWorker(): Worker {
  const child = fork(WORKER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!message[key]) return;
        child.off("message", onMessage);
        resolve(message as T);
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`worker exited (${code}) before "${key}"`)));
    });
  const refreshing = next<unknown>("refreshing").then(() => {});
  refreshing.catch(() => {}); // awaited only by the tests that ask
  return {
    child,
    refreshing,
    async prepare(task) {
      const ready = next("ready");
      child.send({ task });
      await ready;
    },
    go() {
      const done = next<Report>("done");
      child.send({ go: true });
      return done;
    },
    exit: () => child.send({ exit: true }),
  };
}

/** Gives every worker the task and lets them all go at once, once every one is ready. */
export async function runTogether(workers: Worker[], task: Task): Promise<Report[]> {
  await Promise.all(workers.map((worker) => worker.prepare(task)));
  return Promise.all(workers.map((worker) => worker.go()));
}
