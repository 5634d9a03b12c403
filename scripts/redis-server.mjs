// Finds the redis-server the Redis store's tests start, installing Debian's
// package when it is missing and we may (root with apt-get). Never skips silently.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

export function findRedisServer() {
  const fromEnv = process.env.REDIS_SERVER_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function ensureRedisServer() {
  const found = findRedisServer();
  if (found) {
    console.log(`redis-server: ${found}`);
    return true;
  }
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      "redis-server is needed for the Redis token store's tests and was not found.\n" +
        "Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`) or set REDIS_SERVER_PATH.",
    );
    return false;
  }
  console.log("redis-server not found; installing Debian's redis-server package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    // The package's service is never started: each test starts its own server.
    ["install", "-y", "-qq", "--no-install-recommends", "redis-server"],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(
        `apt-get ${args.join(" ")} failed; install redis-server by hand or set REDIS_SERVER_PATH.`,
      );
      return false;
    }
  }
  return findRedisServer() !== null;
}

// `node scripts/redis-server.mjs`: make sure it is there (the test command's first steps do).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exit(ensureRedisServer() ? 0 : 1);
}
