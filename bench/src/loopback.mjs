// Section 2: the same calls over real HTTP to a server on 127.0.0.1, at a
// given concurrency: throughput, p50 and p99 latency.
import { fork } from "node:child_process";
import { once } from "node:events";
import { orderLetters, orderOf } from "./order.mjs";
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

/** Keeps `concurrency` calls in flight for `durationMs`; adds the calls made and their latencies to `into`. */
export async function load(call, { concurrency, durationMs }, into) {
  const started = performance.now();
  const deadline = started + durationMs;
  async function worker() {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await call();
      into.latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  into.seconds += (performance.now() - started) / 1000;
}

/** Throughput and latencies of what `load` gathered. */
const summary = ({ latencies, seconds }) => ({
  opsPerSec: latencies.length / seconds,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
});

/**
 * Runs each contender at each concurrency for `durationMs` per round, `rounds`
 * times after a short warm-up round. Over loopback the machine drifts within
 * a second (the server's JIT, its sockets, other work), so a round is cut
 * into `slices` turns, each contender running `durationMs / slices` per turn,
 * the order alternating from turn to turn and round to round (ABC, CBA, …:
 * see order.mjs): every contender is measured across the whole round, not in
 * one part of it. As in memory, ratios are taken within a round, against the
 * floor of the same round, and the median over rounds is reported, with each
 * round's ratio.
 */
export async function benchLoopback(
  contenders,
  { baseUrl, concurrencies, rounds, durationMs, slices = 1 },
) {
  const calls = contenders.map((c) => ({
    ...c,
    call: c.make({ baseUrl, fetch: globalThis.fetch }),
  }));
  const results = {};
  for (const concurrency of concurrencies) {
    const perRound = Object.fromEntries(calls.map((c) => [c.id, []]));
    for (let round = -1; round < rounds; round++) {
      const warmUp = round < 0;
      const gathered = Object.fromEntries(calls.map((c) => [c.id, { latencies: [], seconds: 0 }]));
      const turns = warmUp ? 1 : slices;
      for (let turn = 0; turn < turns; turn++) {
        for (const { id, call } of orderOf(calls, Math.max(round, 0) + turn)) {
          const turnMs = warmUp ? 200 : durationMs / slices;
          await load(call, { concurrency, durationMs: turnMs }, gathered[id]);
        }
      }
      if (warmUp) continue;
      const measured = Object.fromEntries(calls.map(({ id }) => [id, summary(gathered[id])]));
      const { floor } = measured;
      for (const { id } of calls) {
        const m = measured[id];
        perRound[id].push({
          ...m,
          order: orderLetters(calls, round),
          costVsFloor: floor.opsPerSec / m.opsPerSec,
          costVsOpenapiFetch: measured["openapi-fetch"].opsPerSec / m.opsPerSec,
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
            costVsOpenapiFetch: mid("costVsOpenapiFetch"),
            p50VsFloor: mid("p50VsFloor"),
            p99VsFloor: mid("p99VsFloor"),
            rounds: rows.map(({ order, costVsFloor, costVsOpenapiFetch }) => ({
              order,
              costVsFloor,
              costVsOpenapiFetch,
            })),
          },
        ];
      }),
    );
  }
  return results;
}
