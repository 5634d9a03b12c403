// A real redis-server for one test file: on a free port on 127.0.0.1, with
// no persistence, stopped afterwards. Never a mock.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { findRedisServer } from "../../../../scripts/redis-server.mjs";

export interface RunningRedis {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startRedis(): Promise<RunningRedis> {
  const binary = findRedisServer();
  if (!binary) throw new Error("redis-server not found: run `node scripts/redis-server.mjs`");
  const port = await freePort();
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
