// The demo as a shop that runs on several processes: one sandbox, one Redis
// for the shop's state, N merchant processes (merchant-process.ts) and a
// front that hands each request to the next process in turn. Any process
// can answer any request, and a customer stays logged in across token
// expiry: the token refresh is coordinated in Redis (one per expiry).
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { DEFAULT_OAUTH_CLIENT, type Sandbox } from "@connect-payment/sandbox";
import { startDemoSandbox, type DemoOptions } from "./demo.js";
import { startFront, type Front } from "./front.js";
import type { ProcessSettings } from "./merchant-process.js";
import type { Grant } from "./record.js";
import { redisState } from "./redis-state.js";
import { startRedisServer, type RedisServer } from "./redis-server.js";
import type { DemoState } from "./state.js";

export interface DemoProcessesOptions extends Omit<DemoOptions, "login"> {
  /** How many merchant processes; at least 1. */
  processes: number;
  /** The redis-server binary to start (on a free port on 127.0.0.1, nothing written to disk). */
  redisServer: string;
}

export interface DemoProcesses {
  /** The front: where customers reach the shop. */
  merchantUrl: string;
  sandbox: Sandbox;
  /** Where the shop's state is: `redis://127.0.0.1:<port>`. */
  redisUrl: string;
  /** What the shop granted, read from Redis: whichever process granted it. */
  grants(): Promise<Grant[]>;
  close(): Promise<void>;
}

// Built next to this file: dist/merchant-process.js.
const PROCESS_ENTRY = fileURLToPath(new URL("./merchant-process.js", import.meta.url));

export async function startDemoProcesses(options: DemoProcessesOptions): Promise<DemoProcesses> {
  const log = options.log ?? (() => {});
  if (!Number.isInteger(options.processes) || options.processes < 1) {
    throw new TypeError(`processes must be a whole number, at least 1; got ${options.processes}`);
  }
  // What has started, to stop in reverse order: the front and the processes before what they use.
  const stack: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of stack.splice(0).reverse()) await stop().catch(() => {});
  };
  try {
    const sandbox = await startDemoSandbox(options);
    stack.push(() => sandbox.close());
    const redis: RedisServer = await startRedisServer(options.redisServer);
    stack.push(() => redis.stop());
    const front: Front = await startFront(options.merchantPort ?? 0, (line) =>
      log(`[front] ${line}`),
    );
    stack.push(() => front.close());
    const shared = {
      redisUrl: redis.url,
      apiUrl: sandbox.apiUrl,
      loginServer: sandbox.loginServer,
      ...DEFAULT_OAUTH_CLIENT,
      publicOrigin: front.url,
      // Every process must verify what any other signed or sealed: one secret, one key.
      returnUrlSecret: randomBytes(32).toString("base64url"),
      tokenKey: randomBytes(32).toString("base64url"),
      confirmWaitMs: options.confirmWaitMs ?? 1500,
    };
    const children = Array.from({ length: options.processes }, (_, index) =>
      startProcess({ ...shared, number: index + 1 }, log),
    );
    for (const child of children) stack.push(() => child.stop());
    front.setTargets(await Promise.all(children.map((child) => child.listening)));
    // The parent reads the grants from the same Redis as the processes write them.
    const state: DemoState = await redisState({ url: redis.url });
    stack.push(() => state.close());
    return {
      merchantUrl: front.url,
      sandbox,
      redisUrl: redis.url,
      grants: () => state.grants.values(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface RunningProcess {
  /** Resolves with the address it listens on. */
  listening: Promise<string>;
  stop(): Promise<void>;
}

function startProcess(settings: ProcessSettings, log: (line: string) => void): RunningProcess {
  const child: ChildProcess = fork(PROCESS_ENTRY, [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const listening = new Promise<string>((resolve, reject) => {
    child.on("message", (message: { listening?: string; log?: string }) => {
      if (message.log) log(`[merchant ${settings.number}] ${message.log}`);
      if (message.listening) resolve(message.listening);
    });
    child.once("exit", (code) => reject(new Error(`merchant ${settings.number} exited (${code})`)));
  });
  child.send({ settings });
  return {
    listening,
    async stop() {
      // Closing the channel tells it to stop; it exits once its server is closed.
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
