// Turns the results of one run into the markdown table of results/latest.md.

const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : "n/a");
const ops = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "n/a");
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : "n/a");
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const mark = (met) => (met ? "✅" : "❌");

function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * The per-call overhead goals: `payInvoice` against plain openapi-fetch and
 * the floor (hand-written fetch), each the median of the run's rounds. Beside
 * each floor goal, `deadlineAlone`: what the floor plus nothing but the
 * client's deadline costs in the same rounds (sketch G), the part of the
 * budget that one guarantee takes.
 */
export function overheadGoals(results) {
  const goals = [];
  const pay = results.inMemory.payInvoice;
  if (pay) {
    goals.push(
      {
        goal: "in memory: `payInvoice` ≤ 1.10x plain openapi-fetch",
        value: pay.costVsOpenapiFetch,
        limit: 1.1,
      },
      {
        goal: "in memory: `payInvoice` ≤ 1.20x the floor",
        value: pay.costVsFloor,
        limit: 1.2,
        deadlineAlone: results.inMemory["sketch-deadline"]?.costVsFloor,
      },
    );
  }
  for (const [concurrency, rows] of Object.entries(results.loopback)) {
    if (!rows.payInvoice) continue;
    goals.push({
      goal: `loopback, concurrency ${concurrency}: \`payInvoice\` ≤ 1.08x the floor`,
      value: rows.payInvoice.costVsFloor,
      limit: 1.08,
      deadlineAlone: rows["sketch-deadline"]?.costVsFloor,
    });
  }
  return goals;
}

/** Each round's ratio, in the round's order: "1.21 (ABC) · 1.25 (CBA) · 1.19 (ABC)". */
const perRound = (rounds, key) =>
  (rounds ?? []).map((r) => `${r[key].toFixed(2)} (${r.order})`).join(" · ") || "n/a";

/** The goals of the issue, each a ratio from this run and whether it is met. */
export function evaluateGoals(results) {
  const goals = [];
  goals.push(...overheadGoals(results));
  const client = results.coldImport.client;
  if (client) {
    goals.push({
      goal: "cold import: client ≤ 1.2x openapi-fetch alone",
      value: client.importVsBaseline,
      limit: 1.2,
    });
  }
  if (results.typeCost) {
    goals.push(
      {
        goal: "type cost: instantiations ≤ 1.5x plain openapi-fetch",
        value: results.typeCost.instantiationsRatio,
        limit: 1.5,
      },
      {
        goal: "type cost: check time ≤ 1.5x plain openapi-fetch",
        value: results.typeCost.checkTimeRatio,
        limit: 1.5,
      },
    );
  }
  for (const entry of results.sizes?.entries ?? []) {
    goals.push({
      goal: `size: ${entry.name}, ${kB(entry.bytes)} ≤ ${kB(entry.goalBytes)}`,
      value: entry.bytes / entry.goalBytes,
      limit: 1,
    });
  }
  if (results.sizes) {
    goals.push({
      goal: "size: @connect-payment/types ships 0 B of JavaScript",
      value: results.sizes.typesShipNoJs ? 0 : Infinity,
      limit: 0,
    });
  }
  return goals.map((g) => ({
    ...g,
    met: g.value <= g.limit,
    shown: g.limit === 0 ? (g.value === 0 ? "0 B" : "> 0 B") : ratio(g.value),
  }));
}

export function renderMarkdown(results) {
  const { machine } = results;
  const out = [];

  out.push(
    `Measured ${results.finishedAt} in ${results.durationSeconds.toFixed(0)} s: Node ${machine.node}, ` +
      `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}; ` +
      `load average ${machine.loadAverage.toFixed(2)} at the start.`,
  );

  out.push("\n### Goals\n");
  out.push(
    table(
      ["goal", "this run", "met"],
      evaluateGoals(results).map((g) => [g.goal, g.shown, mark(g.met)]),
    ),
  );

  out.push(renderOverhead(results));
  out.push("\n### 3. Creating a client and cold imports\n");
  out.push(
    table(
      ["what", "figure", "vs openapi-fetch"],
      [
        ...Object.entries(results.createClient).map(([id, r]) => [
          id === "openapi-fetch"
            ? "`createClient<paths>()` of openapi-fetch"
            : "`createConnectClient()`",
          `${ops(r.opsPerSec)} clients/s`,
          ratio(r.costVsOpenapiFetch),
        ]),
        ...Object.entries(results.coldImport).map(([id, r]) => [
          `cold import of ${id === "openapi-fetch" ? "openapi-fetch alone" : `@connect-payment/${id}`}`,
          `${ms(r.importMs)} (process ${ms(r.wallMs)})`,
          `${ratio(r.importVsBaseline)} (process ${ratio(r.wallVsBaseline)})`,
        ]),
        ["cold import of @connect-payment/types", "no JavaScript to import", "n/a"],
      ],
    ),
  );

  if (results.typeCost) {
    const { plain, ours } = results.typeCost;
    out.push("\n### 4. Type-check cost of a consumer file\n");
    out.push(
      table(
        ["file", "types", "instantiations", "check time"],
        [
          [
            "plain openapi-fetch + `paths` (type-cost/plain.ts)",
            plain.types,
            plain.instantiations,
            `${plain.checkSeconds.toFixed(2)} s`,
          ],
          [
            "@connect-payment/client (type-cost/ours.ts)",
            ours.types,
            ours.instantiations,
            `${ours.checkSeconds.toFixed(2)} s`,
          ],
          [
            "ratio",
            ratio(ours.types / plain.types),
            ratio(results.typeCost.instantiationsRatio),
            ratio(results.typeCost.checkTimeRatio),
          ],
        ],
      ),
    );
  }

  if (results.codegen) {
    const c = results.codegen;
    out.push("\n### 5. Codegen (`pnpm generate`)\n");
    out.push(
      table(
        ["run", "time", "vs cold"],
        [
          ["cold (`turbo run generate --force`)", `${c.coldSeconds.toFixed(2)} s`, "1.00x"],
          [
            "cached (`turbo run generate`)",
            `${c.cachedSeconds.toFixed(2)} s`,
            ratio(c.cachedVsCold),
          ],
        ],
      ),
    );
  }

  if (results.sizes) {
    out.push("\n### 6. Size budgets (min+gzip, from size-limit)\n");
    out.push(
      table(
        ["entry", "size", "goal", "vs goal", "enforced limit", "within limit"],
        [
          ...results.sizes.entries.map((e) => [
            e.name,
            kB(e.bytes),
            kB(e.goalBytes),
            ratio(e.bytes / e.goalBytes),
            kB(e.limitBytes),
            mark(e.passed),
          ]),
          [
            "@connect-payment/types, JavaScript shipped",
            results.sizes.typesShipNoJs ? "0 B" : "> 0 B",
            "0 B",
            "n/a",
            "0 B",
            mark(results.sizes.typesShipNoJs),
          ],
        ],
      ),
    );
  }
  return out.join("\n") + "\n";
}

/**
 * Sections 1 and 2: one Pay invoice call in memory and over loopback, each
 * contender's ratios the median of the rounds, and each round's ratio with its
 * order (A, B, … are the contenders in table order).
 */
export function renderOverhead(results) {
  const label = Object.fromEntries(results.contenders.map((c) => [c.id, c.label]));
  const letter = Object.fromEntries(
    results.contenders.map((c, i) => [c.id, String.fromCharCode(65 + i)]),
  );
  const out = [];
  out.push("\n### 1. One Pay invoice call, in memory\n");
  out.push(
    table(
      ["contender", "ops/s", "cost vs floor", "cost vs openapi-fetch", "vs floor, per round"],
      Object.entries(results.inMemory).map(([id, r]) => [
        `${letter[id]}. ${label[id]}`,
        ops(r.opsPerSec),
        ratio(r.costVsFloor),
        ratio(r.costVsOpenapiFetch),
        perRound(r.rounds, "costVsFloor"),
      ]),
    ),
  );
  for (const [concurrency, rows] of Object.entries(results.loopback)) {
    out.push(`\n### 2. Over loopback HTTP, concurrency ${concurrency}\n`);
    out.push(
      table(
        [
          "contender",
          "req/s",
          "cost vs floor",
          "cost vs openapi-fetch",
          "vs floor, per round",
          "p50",
          "p99",
        ],
        Object.entries(rows).map(([id, r]) => [
          `${letter[id]}. ${label[id]}`,
          ops(r.opsPerSec),
          ratio(r.costVsFloor),
          ratio(r.costVsOpenapiFetch),
          perRound(r.rounds, "costVsFloor"),
          ms(r.p50),
          ms(r.p99),
        ]),
      ),
    );
  }
  return out.join("\n");
}
