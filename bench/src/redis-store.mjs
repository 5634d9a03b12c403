// The Redis token store's section of the bench: refreshes per expiry across
// processes (goal: exactly 1), and the per-call cost of a token source on
// the Redis store against the memory store, over loopback, in one run.
//
//   node bench/src/redis-store.mjs [--quick]   (pnpm bench runs it too)
import { fork } from "node:child_process";
import { createConnectIdLogin, memoryTokenStore } from "@connect-payment/oauth";
import { redisTokenStore } from "@connect-payment/oauth-redis";
import { DEFAULT_OAUTH_CLIENT, startSandbox } from "@connect-payment/sandbox";
import { createClient } from "redis";
import { startRedisServer } from "./redis-server.mjs";
import { percentile } from "./stats.mjs";

const WORKER = new URL("./redis-worker.mjs", import.meta.url);

export async function benchRedisStore({ processes, calls, expiries, samples }) {
  const redis = await startRedisServer();
  let offset = 0;
  const sandbox = await startSandbox({
    oauth: { refreshTokenReuseDetection: true, clock: () => Date.now() + offset },
  });
  const client = createClient({ url: redis.url, disableOfflineQueue: true });
  await client.connect();
  try {
    const perExpiry = await refreshesPerExpiry(
      { redis, sandbox, client, processes, calls, expiries },
      () => (offset += 13 * 3600_000),
    );
    const perCall = await costPerCall({ sandbox, client, samples });
    return { processes, calls, expiries, perExpiry, perCall };
  } finally {
    await client.quit();
    await sandbox.close();
    await redis.stop();
  }
}

async function refreshesPerExpiry({ redis, sandbox, client, processes, calls, expiries }, expire) {
  const store = redisTokenStore({ client, login: "bench" });
  await store.set(sandbox.signIn("kari"));
  const workers = Array.from({ length: processes }, () => startWorker());
  const task = {
    redisUrl: redis.url,
    loginServer: sandbox.loginServer,
    ...DEFAULT_OAUTH_CLIENT,
    login: "bench",
    calls,
  };
  try {
    await Promise.all(workers.map((worker) => worker.ask({ task }, "ready")));
    const rounds = [];
    for (let expiry = 0; expiry < expiries; expiry++) {
      expire();
      const stored = await store.get();
      await store.set({ ...stored, expiresAt: Date.now() - 1 });
      const reports = await Promise.all(workers.map((worker) => worker.ask({ go: true }, "done")));
      rounds.push({
        refreshes: reports.reduce((n, r) => n + r.tokenRequests, 0),
        failed: reports.flatMap((r) => r.failed),
      });
    }
    return rounds;
  } finally {
    for (const worker of workers) worker.child.send({ exit: true });
  }
}

function startWorker() {
  const child = fork(WORKER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return {
    child,
    ask(message, answer) {
      const reply = new Promise((resolve) => {
        const listen = (received) => {
          if (!received[answer]) return;
          child.off("message", listen);
          resolve(received);
        };
        child.on("message", listen);
      });
      child.send(message);
      return reply;
    },
  };
}

/** One token source per store, with a fresh token: the cost every API call pays. */
async function costPerCall({ sandbox, client, samples }) {
  const login = createConnectIdLogin({
    loginServer: sandbox.loginServer,
    ...DEFAULT_OAUTH_CLIENT,
    redirectUri: "http://127.0.0.1:8099/callback",
  });
  const tokens = { ...sandbox.signIn("ola"), expiresAt: Date.now() + 3600_000 };
  const redisStore = redisTokenStore({ client, login: "per-call" });
  const sealedStore = redisTokenStore({
    client,
    login: "per-call-sealed",
    encryptionKey: crypto.getRandomValues(new Uint8Array(32)),
  });
  await redisStore.set(tokens);
  await sealedStore.set(tokens);
  const sources = {
    memory: login.tokenSource({ store: memoryTokenStore(tokens) }),
    redis: login.tokenSource({ store: redisStore }),
    "redis, encrypted": login.tokenSource({ store: sealedStore }),
  };
  const times = Object.fromEntries(Object.keys(sources).map((name) => [name, []]));
  // Interleaved in small batches, so a slow moment of the machine hits every store alike.
  for (let done = 0; done < samples; done += 100) {
    for (const [name, source] of Object.entries(sources)) {
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        await source();
        times[name].push(performance.now() - started);
      }
    }
  }
  const summary = Object.fromEntries(
    Object.entries(times).map(([name, values]) => [
      name,
      { p50: percentile(values, 50), p99: percentile(values, 99) },
    ]),
  );
  for (const entry of Object.values(summary)) {
    entry.p50Ratio = entry.p50 / summary.memory.p50;
    entry.p99Ratio = entry.p99 / summary.memory.p99;
  }
  return summary;
}

export function renderRedisMarkdown(results) {
  const { processes, calls, perExpiry, perCall } = results;
  const refreshes = perExpiry.map((round) => round.refreshes);
  const failures = perExpiry.flatMap((round) => round.failed);
  const counts = new Map();
  for (const code of failures) counts.set(code, (counts.get(code) ?? 0) + 1);
  const byCode = [...counts].map(([code, n]) => `${n} ${code}`).join(", ");
  const failed = failures.length ? `${failures.length} (${byCode})` : "0";
  const ms = (value) => (value >= 1 ? value.toFixed(2) : value.toFixed(4)) + " ms";
  const lines = [
    `#### Refreshes per expiry, ${processes} processes × ${calls} concurrent calls, one Redis`,
    "",
    "| expiries | refreshes per expiry (goal: exactly 1) | failed calls |",
    "| -------- | -------------------------------------- | ------------ |",
    `| ${refreshes.length} | ${refreshes.join(", ")} | ${failed} |`,
    "",
    "#### Per call with a fresh token (token source → store), loopback",
    "",
    "| store | p50 | p99 | p50 ratio | p99 ratio |",
    "| ----- | --- | --- | --------- | --------- |",
    ...Object.entries(perCall).map(
      ([name, entry]) =>
        `| ${name} | ${ms(entry.p50)} | ${ms(entry.p99)} | ${entry.p50Ratio.toFixed(1)}x | ${entry.p99Ratio.toFixed(1)}x |`,
    ),
  ];
  return lines.join("\n") + "\n";
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const quick = process.argv.includes("--quick");
  const results = await benchRedisStore(
    quick
      ? { processes: 8, calls: 50, expiries: 2, samples: 500 }
      : { processes: 8, calls: 500, expiries: 10, samples: 5000 },
  );
  console.log(renderRedisMarkdown(results));
  console.log(JSON.stringify(results));
}
