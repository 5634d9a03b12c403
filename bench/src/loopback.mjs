// Section 2: the same calls over real HTTP to a server on 127.0.0.1, at a
// given concurrency: throughput, p50 and p99 latency.
import { fork } from "node:child_process";
import { once } from "node:events";
import { median, percentile } from "./stats.mjs";

/** Starts the loopback server in a child process; resolves to { baseUrl, stop }. */
export async function startLoopbackServer() {
  const child = fork(new URL("./loopback-server.mjs", import.meta.url), {
    execArgv: [],
    stdio: "inherit",
  });
  const [{ port }] = await once(child, "message");
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = once(child, "exit");
      child.disconnect();
      await exited;
    },
  };
}

/** Keeps `concurrency` calls in flight for `durationMs`; returns throughput and latencies. */
async function load(call, { concurrency, durationMs }) {
  const latencies = [];
  const started = performance.now();
  const deadline = started + durationMs;
  async function worker() {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await call();
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    opsPerSec: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/**
 * Runs each contender at each concurrency for `durationMs`, `rounds` times
 * after a warm-up round, rotating the order. As in memory, ratios are taken
 * within a round and the median over rounds is kept.
 */
export async function benchLoopback(contenders, { baseUrl, concurrencies, rounds, durationMs }) {
  const calls = contenders.map((c) => ({
    ...c,
    call: c.make({ baseUrl, fetch: globalThis.fetch }),
  }));
  const results = {};
  for (const concurrency of concurrencies) {
    const perRound = Object.fromEntries(calls.map((c) => [c.id, []]));
    for (let round = 0; round <= rounds; round++) {
      const measured = {};
      for (let i = 0; i < calls.length; i++) {
        const { id, call } = calls[(i + round) % calls.length];
        measured[id] = await load(call, {
          concurrency,
          durationMs: round === 0 ? 200 : durationMs,
        });
      }
      if (round === 0) continue;
      const floor = measured.floor;
      for (const { id } of calls) {
        const m = measured[id];
        perRound[id].push({
          ...m,
          costVsFloor: floor.opsPerSec / m.opsPerSec,
          p50VsFloor: m.p50 / floor.p50,
          p99VsFloor: m.p99 / floor.p99,
        });
      }
    }
    results[concurrency] = Object.fromEntries(
      calls.map(({ id }) => {
        const rows = perRound[id];
        const mid = (key) => median(rows.map((r) => r[key]));
        return [
          id,
          {
            opsPerSec: mid("opsPerSec"),
            p50: mid("p50"),
            p99: mid("p99"),
            costVsFloor: mid("costVsFloor"),
            p50VsFloor: mid("p50VsFloor"),
            p99VsFloor: mid("p99VsFloor"),
          },
        ];
      }),
    );
  }
  return results;
}
