// Section 1: one call with a fetch that never touches the network. What is
// left is the client's own work: building the request, reading the answer.
import { Bench } from "tinybench";
import { RESPONSE_TEXT } from "./fixtures.mjs";
import { median } from "./stats.mjs";

/** A fetch that answers every call with a fresh 200 built from a prepared string. */
export async function inMemoryFetch() {
  return new Response(RESPONSE_TEXT, {
    status: 200,
    headers: { "content-type": "application/json", "content-length": String(RESPONSE_TEXT.length) },
  });
}

/**
 * Runs every contender for `timeMs` per round, `rounds` times after one
 * warm-up round, rotating the order so no contender always runs first.
 * Other work on the machine slows rounds unevenly, so each ratio is taken
 * within a round (contenders side by side in time) and the median over rounds
 * is kept. Returns { opsPerSec, costVsFloor, costVsOpenapiFetch } per id.
 */
export async function benchInMemory(contenders, { rounds, timeMs }) {
  const io = { baseUrl: "https://in-memory.invalid", fetch: inMemoryFetch };
  const calls = contenders.map((c) => ({ ...c, call: c.make(io) }));
  const ops = Object.fromEntries(calls.map((c) => [c.id, []]));
  const costs = Object.fromEntries(calls.map((c) => [c.id, []]));
  const costsVsOpenapiFetch = Object.fromEntries(calls.map((c) => [c.id, []]));
  for (let round = 0; round <= rounds; round++) {
    const warmUp = round === 0;
    const bench = new Bench({ time: timeMs, warmup: warmUp, warmupTime: timeMs, throws: true });
    for (let i = 0; i < calls.length; i++) {
      const { id, call } = calls[(i + round) % calls.length];
      bench.add(id, call);
    }
    await bench.run();
    if (warmUp) continue;
    const period = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.period]));
    for (const { id } of calls) {
      ops[id].push(1000 / period[id]);
      costs[id].push(period[id] / period.floor);
      costsVsOpenapiFetch[id].push(period[id] / period["openapi-fetch"]);
    }
  }
  return Object.fromEntries(
    calls.map(({ id }) => [
      id,
      {
        opsPerSec: median(ops[id]),
        costVsFloor: median(costs[id]),
        costVsOpenapiFetch: median(costsVsOpenapiFetch[id]),
      },
    ]),
  );
}
