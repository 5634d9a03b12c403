#!/usr/bin/env node
// Runs every section of the benchmark in one process, prints the markdown
// table and writes it to results/latest.md (and the raw figures to
// results/latest.json). Run it with `pnpm bench` from the repository root,
// which builds the packages first.
//
//   node bench/src/run.mjs           the full run (a few minutes)
//   node bench/src/run.mjs --quick   a short run to try the harness; noisy figures
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as prettier from "prettier";
import { benchCodegen } from "./codegen.mjs";
import { benchColdImport } from "./cold-import.mjs";
import { loadContenders } from "./contenders.mjs";
import { benchCreateClient } from "./create-client.mjs";
import { describeMachine } from "./machine.mjs";
import { OVERHEAD_SETTINGS, measureOverhead } from "./overhead.mjs";
import { benchRedisStore, renderRedisMarkdown } from "./redis-store.mjs";
import { benchReconcile, renderReconcileMarkdown } from "./reconcile.mjs";
import { renderMarkdown } from "./report.mjs";
import { readSizes } from "./sizes.mjs";
import { benchTypeCost } from "./type-cost.mjs";

const quick = process.argv.includes("--quick");
const settings = quick
  ? {
      inMemory: { rounds: 3, timeMs: 100 },
      loopback: { concurrencies: [1, 64], rounds: 1, durationMs: 300 },
      createClient: { rounds: 2, timeMs: 100 },
      coldImport: { runs: 3 },
      typeCost: { runs: 1 },
      codegen: { runs: 1 },
      redisStore: { processes: 8, calls: 50, expiries: 2, samples: 500 },
      reconcile: { payments: 1_000, paid: 20, clockSpeed: 20, share: 0.5, naiveCalls: 600 },
    }
  : {
      ...OVERHEAD_SETTINGS,
      createClient: { rounds: 5, timeMs: 250 },
      coldImport: { runs: 15 },
      typeCost: { runs: 3 },
      codegen: { runs: 1 },
      redisStore: { processes: 8, calls: 500, expiries: 10, samples: 5000 },
      reconcile: { payments: 10_000, paid: 50, clockSpeed: 20, share: 0.5, naiveCalls: 3_000 },
    };

const started = performance.now();
const machine = describeMachine();
const step = (name) => console.error(`▶ ${name}`);

const contenders = await loadContenders();
if (!contenders.some((c) => c.id === "payInvoice")) {
  console.error(
    "@connect-payment/client has no createConnectClient in its build: its rows are left out.",
  );
}

step("in memory, then loopback HTTP");
const { inMemory, loopback } = await measureOverhead(contenders, settings);

step("creating a client");
const createClient = await benchCreateClient(settings.createClient);

step("cold imports");
const coldImport = benchColdImport(
  [
    { id: "openapi-fetch", specifier: "openapi-fetch" },
    { id: "client", specifier: "@connect-payment/client" },
    { id: "redirect", specifier: "@connect-payment/redirect" },
  ],
  settings.coldImport,
);

step("type cost");
const typeCost = benchTypeCost(settings.typeCost);

step("codegen");
const codegen = benchCodegen(settings.codegen);

step("Redis token store");
const redisStore = await benchRedisStore(settings.redisStore);

step("reconciliation within the rate limits");
const reconcile = await benchReconcile(settings.reconcile);

step("sizes");
const sizes = readSizes();

const results = {
  finishedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  durationSeconds: (performance.now() - started) / 1000,
  quick,
  machine,
  settings,
  contenders: contenders.map(({ id, label }) => ({ id, label })),
  inMemory,
  loopback,
  createClient,
  coldImport,
  typeCost,
  codegen,
  sizes,
  redisStore,
  reconcile,
};

// Formatted as the repository's prettier config wants, so `prettier --check .` stays green.
const format = async (text, filepath) =>
  prettier.format(text, { ...(await prettier.resolveConfig(filepath)), filepath });

const resultsDir = new URL("../results/", import.meta.url);
const markdownFile = new URL("latest.md", resultsDir);
const markdown = await format(
  `${renderMarkdown(results)}\n### 7. The Redis token store (\`@connect-payment/oauth-redis\`)\n\n${renderRedisMarkdown(redisStore)}\n### 8. The back office: reconciliation within the rate limits\n\n${renderReconcileMarkdown(reconcile)}`,
  markdownFile.pathname,
);
console.log(markdown);
await mkdir(resultsDir, { recursive: true });
await writeFile(markdownFile, markdown);
const jsonFile = new URL("latest.json", resultsDir);
await writeFile(jsonFile, await format(JSON.stringify(results), jsonFile.pathname));

// BENCHMARKS.md quotes the latest table between two markers; a --quick run leaves it alone.
const benchmarksFile = new URL("../../BENCHMARKS.md", import.meta.url);
const START = "<!-- latest results: start -->";
const END = "<!-- latest results: end -->";
const benchmarks = await readFile(benchmarksFile, "utf8").catch(() => "");
if (!quick && benchmarks.includes(START) && benchmarks.includes(END)) {
  const before = benchmarks.slice(0, benchmarks.indexOf(START) + START.length);
  const after = benchmarks.slice(benchmarks.indexOf(END));
  const updated = await format(`${before}\n\n${markdown}\n${after}`, benchmarksFile.pathname);
  await writeFile(benchmarksFile, updated);
  console.error("Written to bench/results/latest.md, bench/results/latest.json and BENCHMARKS.md");
} else {
  console.error("Written to bench/results/latest.md and bench/results/latest.json");
}
