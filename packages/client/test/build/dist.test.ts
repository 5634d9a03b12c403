// The built package, loaded the way users load it: `require()` of the CJS
// build and `import` of the ESM build, each in a fresh Node process, paying an
// invoice against the loopback server. This catches the CommonJS trap where
// openapi-fetch's default export arrives as an object instead of a function.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PAY_INVOICE_PATH } from "../../../../openapi/fixtures.mjs";
import { json, startServer, validBody, type TestServer } from "../helpers/server.js";
import { buildInputs, staleInputs } from "../helpers/stale.js";

const run = promisify(execFile);
const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

const builtFiles = [
  ...["index.js", "index.cjs", "index.d.ts", "index.d.cts"],
  ...["raw.js", "raw.cjs", "raw.d.ts", "raw.d.cts"],
].map(dist);

let server: TestServer;
beforeAll(async () => {
  // A stale build fails every test here instead of being tested.
  const missing = builtFiles.filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `No build (${missing.join(", ")}): run \`pnpm --filter @connect-payment/client build\``,
    );
  }
  const stale = staleInputs(builtFiles, buildInputs());
  if (stale.length) {
    throw new Error(
      `dist/ is older than ${stale.join(", ")}: run \`pnpm --filter @connect-payment/client build\``,
    );
  }
  server = await startServer({
    ok: (_, res) => json(res, 200, { success: true, transactionId: 31337 }),
    bad: (_, res) => json(res, 401, {}),
  });
});
afterAll(() => server?.close());

const program = (load: string) => `
  ${load}
  const body = ${JSON.stringify(validBody)};
  (async () => {
    const ok = await createConnectClient({ baseUrl: process.env.OK_URL, accessToken: "test-token" }).payInvoice(body);
    const error = await createConnectClient({ baseUrl: process.env.BAD_URL, accessToken: "test-token" })
      .payInvoice(body).catch((e) => e);
    const raw = await createRawClient({ baseUrl: process.env.OK_URL, accessToken: "test-token" })
      .POST(${JSON.stringify(PAY_INVOICE_PATH)}, { body });
    // The two entries share one ConnectError class.
    let rawError;
    try { createRawClient({ accessToken: "" }); } catch (e) { rawError = e; }
    console.log(JSON.stringify({ ok, code: error.code, isConnectError: error instanceof ConnectError,
      methods: PAYMENT_METHODS.length, raw: raw.data, rawIsConnectError: rawError instanceof ConnectError }));
  })();
`;

const runInNode = async (args: string[]) => {
  const { stdout } = await run(process.execPath, args, {
    env: { ...process.env, OK_URL: server.baseUrl("ok"), BAD_URL: server.baseUrl("bad") },
  });
  return JSON.parse(stdout) as unknown;
};

const expected = {
  ok: { transactionId: 31337 },
  code: "unauthorized",
  isConnectError: true,
  methods: 4,
  raw: { success: true, transactionId: 31337 },
  rawIsConnectError: true,
};

test("the build exists and is newer than every source file", () => {
  for (const file of builtFiles) expect(existsSync(file)).toBe(true);
  expect(staleInputs(builtFiles, buildInputs())).toEqual([]);
});

test("require() of dist/index.cjs pays an invoice", async () => {
  const load = `const { createConnectClient, ConnectError, PAYMENT_METHODS } = require(${JSON.stringify(dist("index.cjs"))});
    const { createRawClient } = require(${JSON.stringify(dist("raw.cjs"))});`;
  expect(await runInNode(["-e", program(load)])).toEqual(expected);
});

test("import of dist/index.js pays an invoice", async () => {
  const load = `import { createConnectClient, ConnectError, PAYMENT_METHODS } from ${JSON.stringify(dist("index.js"))};
    import { createRawClient } from ${JSON.stringify(dist("raw.js"))};`;
  expect(await runInNode(["--input-type=module", "-e", program(load)])).toEqual(expected);
});

const runtimeFiles = () => readdirSync(dist("")).filter((file) => /\.c?js$/.test(file));

test("the runtime code imports nothing from node:", () => {
  expect(runtimeFiles().length).toBeGreaterThan(2);
  for (const file of runtimeFiles()) {
    expect(readFileSync(dist(file), "utf8")).not.toMatch(/["']node:/);
  }
});

test("only the raw entry imports openapi-fetch: the main entry and its chunks never do", () => {
  const imports = (file: string) =>
    [...readFileSync(dist(file), "utf8").matchAll(/(?:from|require\()\s*["']([^"']+)["']/g)].map(
      (match) => match[1]!,
    );
  const reached = (file: string, seen = new Set<string>()): Set<string> => {
    for (const target of imports(file)) {
      if (seen.has(target)) continue;
      seen.add(target);
      if (target.startsWith("./")) reached(target.slice(2), seen);
    }
    return seen;
  };
  for (const entry of ["index.js", "index.cjs"]) {
    expect([...reached(entry)].some((target) => target.startsWith("./chunk-"))).toBe(true);
    expect(reached(entry).has("openapi-fetch")).toBe(false);
  }
  for (const entry of ["raw.js", "raw.cjs"]) expect(reached(entry).has("openapi-fetch")).toBe(true);
});
