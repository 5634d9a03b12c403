#!/usr/bin/env node
// The client's per-call overhead alone (sections 1 and 2 of `pnpm bench`):
// one Pay invoice call against an in-memory fetch and over loopback HTTP, each
// contender's cost a ratio against the floor (hand-written fetch) and plain
// openapi-fetch measured in the same round, three rounds in alternating order
// (ABC, CBA, ABC), the median reported with each round's figure. About a
// minute; writes results/overhead.{md,json}.
//
//   pnpm build && pnpm --filter @connect-payment/bench overhead
import { mkdir, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { checkContenders } from "./check-contenders.mjs";
import { loadContenders } from "./contenders.mjs";
import { benchInMemory, inMemoryFetch } from "./in-memory.mjs";
import { benchLoopback, startLoopbackServer } from "./loopback.mjs";
import { describeMachine } from "./machine.mjs";
import { overheadGoals, renderOverhead } from "./report.mjs";

/** Three measured rounds (after a warm-up round), a second per contender per round. */
export const OVERHEAD_SETTINGS = Object.freeze({
  inMemory: { rounds: 3, timeMs: 1000 },
  loopback: { concurrencies: [1, 64], rounds: 3, durationMs: 1000 },
});

/** Sections 1 and 2 for these contenders: { inMemory, loopback }. */
export async function measureOverhead(contenders, settings = OVERHEAD_SETTINGS) {
  await checkContenders(contenders, { baseUrl: "https://in-memory.invalid", fetch: inMemoryFetch });
  const inMemory = await benchInMemory(contenders, settings.inMemory);
  const server = await startLoopbackServer();
  try {
    await checkContenders(contenders, { baseUrl: server.baseUrl, fetch: globalThis.fetch });
    const loopback = await benchLoopback(contenders, {
      baseUrl: server.baseUrl,
      ...settings.loopback,
    });
    return { inMemory, loopback };
  } finally {
    await server.stop();
  }
}

async function main() {
  const started = performance.now();
  const machine = describeMachine();
  const contenders = await loadContenders();
  const measured = await measureOverhead(contenders);
  const results = {
    finishedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    settings: OVERHEAD_SETTINGS,
    contenders: contenders.map(({ id, label }) => ({ id, label })),
    ...measured,
  };
  const goals = overheadGoals(results)
    .map((g) => `- ${g.goal}: ${g.value.toFixed(2)}x ${g.value <= g.limit ? "✅" : "❌"}`)
    .join("\n");
  const text =
    `Measured ${results.finishedAt} in ${results.durationSeconds.toFixed(0)} s: Node ${machine.node}, ` +
    `${machine.cpu}, ${machine.cores} cores; load average ${machine.loadAverage.toFixed(2)} at the start. ` +
    `Each ratio is the median of ${OVERHEAD_SETTINGS.inMemory.rounds} rounds.\n\n${goals}\n${renderOverhead(results)}\n`;
  const resultsDir = new URL("../results/", import.meta.url);
  const format = async (source, file) =>
    prettier.format(source, {
      ...(await prettier.resolveConfig(file.pathname)),
      filepath: file.pathname,
    });
  const markdownFile = new URL("overhead.md", resultsDir);
  const jsonFile = new URL("overhead.json", resultsDir);
  const markdown = await format(text, markdownFile);
  console.log(markdown);
  await mkdir(resultsDir, { recursive: true });
  await writeFile(markdownFile, markdown);
  await writeFile(jsonFile, await format(JSON.stringify(results), jsonFile));
  console.error("Written to bench/results/overhead.md and bench/results/overhead.json");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
