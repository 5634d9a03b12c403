// The local registry is a real server that really goes away: after stop()
// its process is gone, its port is closed and its folder is removed.
import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { startLocalRegistry } from "./verdaccio.js";

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("stop() ends the registry by its PID and leaves nothing behind", async () => {
  const registry = await startLocalRegistry();
  try {
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(registry.token.length).toBeGreaterThan(10);
    expect((await fetch(new URL("-/ping", registry.url))).ok).toBe(true);
    expect(isRunning(registry.pid)).toBe(true);
    expect(existsSync(registry.dir)).toBe(true);
  } finally {
    await registry.stop();
  }
  expect(isRunning(registry.pid)).toBe(false);
  expect(existsSync(registry.dir)).toBe(false);
  await expect(fetch(new URL("-/ping", registry.url))).rejects.toThrow();
  await registry.stop(); // a second stop is harmless
}, 30_000);
