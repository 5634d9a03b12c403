#!/usr/bin/env node
// The client's per-call overhead alone (sections 1 and 2 of `pnpm bench`):
// one Pay invoice call against an in-memory fetch and over loopback HTTP, each
// contender's cost a ratio against the floor (hand-written fetch) and plain
// openapi-fetch measured in the same round, three rounds in alternating order
// (ABC, CBA, ABC), the median reported with each round's figure. About a
// minute per run; writes results/overhead.{md,json}. A single run swings by
// more than 10 % on two shared cores, so `--runs 3` measures three times and
// judges each goal by the median of the three runs (the tables are the last run's).
//
//   pnpm build && pnpm --filter @connect-payment/bench overhead --runs 3
import { mkdir, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { checkContenders } from "./check-contenders.mjs";
import { loadContenders } from "./contenders.mjs";
import { benchInMemory, inMemoryFetch } from "./in-memory.mjs";
import { benchLoopback, startLoopbackServer } from "./loopback.mjs";
import { describeMachine } from "./machine.mjs";
import { overheadGoals, renderOverhead } from "./report.mjs";
import { median } from "./stats.mjs";

/**
 * Three measured rounds (after a warm-up round), a second per contender per
 * round; over loopback each round's second is cut into five turns of 200 ms.
 */
export const OVERHEAD_SETTINGS = Object.freeze({
  inMemory: { rounds: 3, timeMs: 1000 },
  loopback: { concurrencies: [1, 64], rounds: 3, durationMs: 1000, slices: 5 },
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

/** Each goal with its value in every run and the median of them: what the runs judge. */
function goalsOverRuns(runs) {
  const perRun = runs.map((run) => overheadGoals(run));
  return perRun[0].map((goal, index) => {
    const values = perRun.map((goals) => goals[index].value);
    const deadline = perRun.map((goals) => goals[index].deadlineAlone);
    const alone = deadline.every(Number.isFinite)
      ? { deadlineAloneValues: deadline, deadlineAlone: median(deadline) }
      : {};
    return { ...goal, values, value: median(values), ...alone };
  });
}

async function main() {
  const { values: args } = parseArgs({ options: { runs: { type: "string", default: "1" } } });
  const runCount = Number(args.runs);
  if (!Number.isInteger(runCount) || runCount < 1) {
    throw new Error(`--runs must be a whole number of at least 1, not "${args.runs}"`);
  }
  const started = performance.now();
  const machine = describeMachine();
  const contenders = await loadContenders();
  const runs = [];
  for (let run = 1; run <= runCount; run++) {
    if (runCount > 1) console.error(`Run ${run} of ${runCount}…`);
    runs.push(await measureOverhead(contenders));
  }
  const results = {
    finishedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    settings: OVERHEAD_SETTINGS,
    contenders: contenders.map(({ id, label }) => ({ id, label })),
    ...runs.at(-1),
    goals: goalsOverRuns(runs),
    ...(runCount > 1 ? { runs } : {}),
  };
  const runsOf = (values) =>
    runCount > 1 ? ` (runs: ${values.map((v) => v.toFixed(2)).join(", ")})` : "";
  const goals = results.goals
    .map((g) => {
      const line = `- ${g.goal}: ${g.value.toFixed(2)}x${runsOf(g.values)} ${g.value <= g.limit ? "✅" : "❌"}`;
      if (g.deadlineAlone === undefined) return line;
      return `${line}; the floor + the deadline alone (G): ${g.deadlineAlone.toFixed(2)}x${runsOf(g.deadlineAloneValues)}`;
    })
    .join("\n");
  const judged =
    runCount > 1
      ? `${runCount} runs; each goal is judged by the median of the runs, each run's ratio the median of its ${OVERHEAD_SETTINGS.inMemory.rounds} rounds; the tables are the last run's.`
      : `Each ratio is the median of ${OVERHEAD_SETTINGS.inMemory.rounds} rounds.`;
  const text =
    `Measured ${results.finishedAt} in ${results.durationSeconds.toFixed(0)} s: Node ${machine.node}, ` +
    `${machine.cpu}, ${machine.cores} cores; load average ${machine.loadAverage.toFixed(2)} at the start. ` +
    `${judged}\n\n${goals}\n${renderOverhead(results)}\n`;
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
