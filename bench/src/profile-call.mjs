#!/usr/bin/env node
// One CPU profile of the client's call path: `payInvoice` against the
// in-memory fetch of section 1, in a loop, under `node --cpu-prof` (or, with
// `--loopback`, over HTTP to the server of section 2 with `--concurrency`
// calls in flight, 64 by default: the server runs in a process of its own,
// not profiled). Prints the
// most expensive frames by self time, and those of the client's own code (its
// built files, each frame named after the source file tsup marks it with),
// by self and by total time. The profile is kept for Chrome DevTools.
//
//   pnpm build && pnpm --filter @connect-payment/bench profile [--seconds 10]
//   pnpm build && pnpm --filter @connect-payment/bench profile --loopback [--concurrency 1]
//
// The same by hand: node --cpu-prof bench/src/profile-call.mjs --child
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ACCESS_TOKEN, REQUEST_BODY } from "./fixtures.mjs";
import { inMemoryFetch } from "./in-memory.mjs";
import { load, startLoopbackServer } from "./loopback.mjs";

const { values } = parseArgs({
  options: {
    child: { type: "boolean" },
    seconds: { type: "string", default: "8" },
    loopback: { type: "boolean" },
    concurrency: { type: "string", default: "64" },
  },
});

/** The workload: payInvoice, one call after another, for the given time. */
async function callInALoop(seconds) {
  const { createConnectClient } = await import("@connect-payment/client");
  const client = createConnectClient({
    baseUrl: "https://in-memory.invalid",
    fetch: inMemoryFetch,
    accessToken: ACCESS_TOKEN,
  });
  const deadline = performance.now() + seconds * 1000;
  let calls = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < 1000; i++) await client.payInvoice(REQUEST_BODY);
    calls += 1000;
  }
  console.error(`${calls.toLocaleString("en-US")} calls in ${seconds} s`);
}

/** The same over loopback HTTP, `concurrency` calls in flight, with the runtime's own `fetch`. */
async function callOverLoopback(seconds, concurrency) {
  const { createConnectClient } = await import("@connect-payment/client");
  const server = await startLoopbackServer();
  const client = createConnectClient({ baseUrl: server.baseUrl, accessToken: ACCESS_TOKEN });
  const gathered = { latencies: [], seconds: 0 };
  const call = () => client.payInvoice(REQUEST_BODY);
  await load(call, { concurrency, durationMs: seconds * 1000 }, gathered);
  await server.stop();
  const calls = gathered.latencies.length;
  console.error(
    `${calls.toLocaleString("en-US")} calls in ${seconds} s over loopback, ${concurrency} in flight`,
  );
}

/** For a line of a built file of ours, the source file tsup's `// src/….ts` comment names above it. */
function sourceFileOf(url, line, cache) {
  if (!cache.has(url)) cache.set(url, readFileSync(fileURLToPath(url), "utf8").split("\n"));
  const lines = cache.get(url);
  for (let i = line; i >= 0; i--) {
    // `// src/send.ts`, or `// ../internal/src/unbound-fetch.ts` for the shared code bundled in.
    const marker = /^\/\/ (\S*src\/\S+\.ts)$/.exec(lines[i] ?? "");
    if (marker) return marker[1];
  }
  return "?";
}

const OURS = /\/packages\/(client|internal)\/dist\/|\/@connect-payment\/client\/dist\//;

/** Self and total milliseconds per function, from the samples of a .cpuprofile. */
function framesOf(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const cache = new Map();
  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const ours = OURS.test(url);
    const where = ours
      ? `${sourceFileOf(url, lineNumber, cache)} (dist line ${lineNumber + 1})`
      : `${url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*\/bench\//, "bench/") || "(native)"}:${lineNumber + 1}`;
    return { key: `${functionName || "(anonymous)"} ${where}`, ours };
  };
  const frames = new Map();
  const frame = (node) => {
    const { key, ours } = keyOf(node);
    if (!frames.has(key))
      frames.set(key, { frame: key, ours, selfMs: 0, totalMs: 0, callers: new Map() });
    return frames.get(key);
  };
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    totalMs += ms;
    const leaf = frame(byId.get(id));
    leaf.selfMs += ms;
    // Who pays for it: the nearest frame up the stack that is ours or the benchmark's.
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const { url } = byId.get(at).callFrame;
      if (OURS.test(url) || url.includes("/bench/src/")) {
        const caller = frame(byId.get(at)).frame;
        leaf.callers.set(caller, (leaf.callers.get(caller) ?? 0) + ms);
        break;
      }
    }
    // Total time: each function once per sample, however deep it recurses.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const entry = frame(byId.get(at));
      if (!seen.has(entry)) entry.totalMs += ms;
      seen.add(entry);
    }
  });
  return { frames: [...frames.values()], totalMs };
}

function printTable(title, rows, totalMs) {
  console.log(`\n${title}\n`);
  console.log("| self | total | frame | its self time, by caller of ours or the benchmark's |");
  console.log("| ---: | ---: | --- | --- |");
  const pct = (ms) => `${((100 * ms) / totalMs).toFixed(1)} %`;
  for (const r of rows) {
    const callers = [...r.callers]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([caller, ms]) => `${pct(ms)} \`${caller.split(" (dist")[0]}\``)
      .join(", ");
    console.log(`| ${pct(r.selfMs)} | ${pct(r.totalMs)} | \`${r.frame}\` | ${callers} |`);
  }
}

if (values.child) {
  if (values.loopback) await callOverLoopback(Number(values.seconds), Number(values.concurrency));
  else await callInALoop(Number(values.seconds));
} else {
  const dir = mkdtempSync(join(tmpdir(), "connect-payment-profile-"));
  const child = spawnSync(
    process.execPath,
    [
      "--cpu-prof",
      "--cpu-prof-dir",
      dir,
      fileURLToPath(import.meta.url),
      "--child",
      "--seconds",
      values.seconds,
      ...(values.loopback ? ["--loopback", "--concurrency", values.concurrency] : []),
    ],
    { stdio: "inherit" },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
  const file = join(
    dir,
    readdirSync(dir).find((name) => name.endsWith(".cpuprofile")),
  );
  const { frames, totalMs } = framesOf(JSON.parse(readFileSync(file, "utf8")));
  const bySelf = (a, b) => b.selfMs - a.selfMs;
  const skip = (r) =>
    !["(idle)", "(program)", "(garbage collector)"].some((n) => r.frame.startsWith(n));
  printTable(
    "The most expensive frames, by self time (share of all samples)",
    frames.filter(skip).sort(bySelf).slice(0, 15),
    totalMs,
  );
  const ours = frames.filter((r) => r.ours);
  printTable("The client's own frames, by self time", ours.sort(bySelf).slice(0, 10), totalMs);
  printTable(
    "The client's own frames, by total time",
    ours.sort((a, b) => b.totalMs - a.totalMs).slice(0, 10),
    totalMs,
  );
  const gc = frames.find((r) => r.frame.startsWith("(garbage collector)"));
  console.log(
    `\nGarbage collector: ${(((gc?.selfMs ?? 0) * 100) / totalMs).toFixed(1)} % of samples.`,
  );
  // Over loopback the process also waits for the server: the share that
  // matters is of the time it was busy, not of the wall time.
  const idle = frames.find((r) => r.frame.startsWith("(idle)"))?.selfMs ?? 0;
  const ownMs = ours.reduce((sum, r) => sum + r.selfMs, 0);
  console.log(
    `The client's own code: ${((ownMs * 100) / (totalMs - idle)).toFixed(1)} % of the busy samples.`,
  );
  console.log(`Profile: ${file} (open it in Chrome DevTools, Performance)`);
}
