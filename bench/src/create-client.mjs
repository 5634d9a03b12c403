// Section 3a: the cost of creating a client, ours next to openapi-fetch's.
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { ACCESS_TOKEN } from "./fixtures.mjs";
import { median } from "./stats.mjs";

const baseUrl = "http://127.0.0.1:9";

export async function benchCreateClient({ rounds, timeMs }) {
  const sdk = await import("@connect-payment/client").catch(() => ({}));
  const tasks = {
    "openapi-fetch": () =>
      createClient({ baseUrl, headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } }),
  };
  if (typeof sdk.createConnectClient === "function") {
    tasks.createConnectClient = () =>
      sdk.createConnectClient({ baseUrl, accessToken: ACCESS_TOKEN });
  }
  const ids = Object.keys(tasks);
  const ops = Object.fromEntries(ids.map((id) => [id, []]));
  const costs = Object.fromEntries(ids.map((id) => [id, []]));
  for (let round = 0; round <= rounds; round++) {
    const bench = new Bench({ time: timeMs, warmup: round === 0, throws: true });
    for (let i = 0; i < ids.length; i++) {
      const id = ids[(i + round) % ids.length];
      bench.add(id, tasks[id]);
    }
    await bench.run();
    if (round === 0) continue;
    const period = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.period]));
    for (const id of ids) {
      ops[id].push(1000 / period[id]);
      costs[id].push(period[id] / period["openapi-fetch"]);
    }
  }
  return Object.fromEntries(
    ids.map((id) => [id, { opsPerSec: median(ops[id]), costVsOpenapiFetch: median(costs[id]) }]),
  );
}
