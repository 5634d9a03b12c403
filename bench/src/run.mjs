#!/usr/bin/env node
// Runs every section of the benchmark in one process, prints the markdown
// table and writes it to results/latest.md (and the raw figures to
// results/latest.json). Run it with `pnpm bench` from the repository root,
// which builds the packages first.
//
//   node bench/src/run.mjs           the full run (a few minutes)
//   node bench/src/run.mjs --quick   a short run to try the harness; noisy figures
import { mkdir, writeFile } from "node:fs/promises";
import { checkContenders } from "./check-contenders.mjs";
import { benchCodegen } from "./codegen.mjs";
import { benchColdImport } from "./cold-import.mjs";
import { loadContenders } from "./contenders.mjs";
import { benchCreateClient } from "./create-client.mjs";
import { benchInMemory, inMemoryFetch } from "./in-memory.mjs";
import { benchLoopback, startLoopbackServer } from "./loopback.mjs";
import { describeMachine } from "./machine.mjs";
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
    }
  : {
      inMemory: { rounds: 15, timeMs: 250 },
      loopback: { concurrencies: [1, 64], rounds: 5, durationMs: 1000 },
      createClient: { rounds: 5, timeMs: 250 },
      coldImport: { runs: 15 },
      typeCost: { runs: 3 },
      codegen: { runs: 2 },
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

step("in memory");
await checkContenders(contenders, { baseUrl: "http://in-memory.invalid", fetch: inMemoryFetch });
const inMemory = await benchInMemory(contenders, settings.inMemory);

step("loopback HTTP");
const server = await startLoopbackServer();
let loopback;
try {
  await checkContenders(contenders, { baseUrl: server.baseUrl, fetch: globalThis.fetch });
  loopback = await benchLoopback(contenders, { baseUrl: server.baseUrl, ...settings.loopback });
} finally {
  await server.stop();
}

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
};

const markdown = renderMarkdown(results);
console.log(markdown);
const resultsDir = new URL("../results/", import.meta.url);
await mkdir(resultsDir, { recursive: true });
await writeFile(new URL("latest.md", resultsDir), markdown);
await writeFile(new URL("latest.json", resultsDir), JSON.stringify(results, null, 2) + "\n");
console.error("Written to bench/results/latest.md and bench/results/latest.json");
