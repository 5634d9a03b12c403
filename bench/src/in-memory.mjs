// Section 1: one call with a fetch that never touches the network. What is
// left is the client's own work: building the request, reading the answer.
import { Bench } from "tinybench";
import { RESPONSE_TEXT } from "./fixtures.mjs";
import { orderLetters, orderOf } from "./order.mjs";
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
 * warm-up round, the order alternating between rounds (ABC, CBA, …: see
 * order.mjs). Other work on the machine slows rounds unevenly, so each ratio
 * is taken within a round (contenders side by side in time, against the floor
 * of the same round) and the median over rounds is reported, with each
 * round's ratio. Returns { opsPerSec, costVsFloor, costVsOpenapiFetch, rounds } per id.
 */
export async function benchInMemory(contenders, { rounds, timeMs }) {
  const io = { baseUrl: "https://in-memory.invalid", fetch: inMemoryFetch };
  const calls = contenders.map((c) => ({ ...c, call: c.make(io) }));
  const perRound = Object.fromEntries(calls.map((c) => [c.id, []]));
  for (let round = -1; round < rounds; round++) {
    const warmUp = round < 0;
    const bench = new Bench({ time: timeMs, warmup: warmUp, warmupTime: timeMs, throws: true });
    for (const { id, call } of orderOf(calls, Math.max(round, 0))) bench.add(id, call);
    await bench.run();
    if (warmUp) continue;
    const period = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.period]));
    for (const { id } of calls) {
      perRound[id].push({
        order: orderLetters(calls, round),
        opsPerSec: 1000 / period[id],
        costVsFloor: period[id] / period.floor,
        costVsOpenapiFetch: period[id] / period["openapi-fetch"],
      });
    }
  }
  return Object.fromEntries(
    calls.map(({ id }) => {
      const rows = perRound[id];
      const mid = (key) => median(rows.map((r) => r[key]));
      return [
        id,
        {
          opsPerSec: mid("opsPerSec"),
          costVsFloor: mid("costVsFloor"),
          costVsOpenapiFetch: mid("costVsOpenapiFetch"),
          rounds: rows,
        },
      ];
    }),
  );
}
