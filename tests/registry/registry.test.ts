// The published packages, published to a real (local) npm registry and installed
// one by one with plain npm in fresh folders outside the workspace: what a
// user gets from `npm install`, not what the workspace links together.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  CHANGE_PAYMENT_METHOD_RESPONSE,
  LIST_PAYMENT_METHODS_RESPONSE,
  PAY_INVOICE_PATH,
  PAY_PAGE_PATH,
  paymentMethodPath,
  TRANSACTION_ID,
  clientInvoicesPath,
  listInvoicesPath,
} from "../../openapi/fixtures.mjs";
import { cleanEnv, pnpmCommand, run } from "../../scripts/run-command.mjs";
import {
  startRedis,
  type RunningRedis,
} from "../../packages/oauth-redis/test/helpers/redis-server.js";
import { startLocalRegistry, type LocalRegistry } from "./verdaccio.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
// The strict consumer of the types package, shared with tests/types-consumer.
const TYPES_CONSUMER = fileURLToPath(new URL("../fixtures/types-consumer.ts", import.meta.url));
const rootRequire = createRequire(join(ROOT, "package.json"));
const TSC = rootRequire.resolve("typescript/bin/tsc");
const OPENAPI_TYPESCRIPT = join(rootRequire.resolve("openapi-typescript"), "../../bin/cli.js");

const PACKAGES = ["types", "client", "redirect", "sandbox", "oauth", "oauth-redis"] as const;
type PackageDir = (typeof PACKAGES)[number];
const packageDir = (name: PackageDir) => join(ROOT, "packages", name);
/** The fields of a package.json these tests read. */
interface Manifest {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
const VERSION: string = manifestOf(packageDir("types")).version;

let registry: LocalRegistry | undefined;
const scratchDirs: string[] = [];
/** The fresh folder each package was installed into, alone. */
const installDirs = new Map<PackageDir, string>();

beforeAll(async () => {
  for (const name of PACKAGES) expectBuilt(name);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  registry = await startLocalRegistry();
  const ready = seconds();
  const npmrc = join(scratch("publish-"), ".npmrc");
  writeFileSync(npmrc, `//127.0.0.1:${new URL(registry.url).port}/:_authToken=${registry.token}\n`);
  const [pnpm, pnpmArgs] = pnpmCommand();
  // One publish per package: pnpm turns `workspace:^` into a version range.
  // Provenance is signed by the CI release only; a local registry cannot take
  // it (and `pnpm -r publish` does not pass --no-provenance on).
  const publishArgs = ["publish", "--registry", registry.url, "--no-git-checks", "--no-provenance"];
  await Promise.all(
    PACKAGES.map((name) =>
      run(pnpm, [...pnpmArgs, ...publishArgs], {
        cwd: packageDir(name),
        env: { NPM_CONFIG_USERCONFIG: npmrc },
      }),
    ),
  );
  // Each one alone, in its own fresh folder; in parallel, as they share nothing.
  const published = seconds();
  const dirs = await Promise.all(PACKAGES.map((name) => installAlone(name, name)));
  PACKAGES.forEach((name, i) => installDirs.set(name, dirs[i]!));
  console.log(
    `local registry: up at ${ready} s, published at ${published} s, installed at ${seconds()} s`,
  );
  // Under a minute on two cores; the limit only ends a run that would hang.
}, 600_000);

afterAll(async () => {
  await registry?.stop();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** A fresh temp folder, removed after the run. */
function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `connect-payment-${prefix}`));
  scratchDirs.push(dir);
  return dir;
}

/** Publishing an unbuilt package would ship nothing; say so instead of a confusing failure later. */
function expectBuilt(name: PackageDir) {
  const manifest = manifestOf(packageDir(name));
  // Files only (they have an extension): subpath keys such as "./msw" are not files.
  const targets = JSON.stringify(manifest.exports).match(/"\.\/[^"]+\.\w+"/g) ?? [];
  for (const target of targets) {
    const file = join(packageDir(name), JSON.parse(target) as string);
    if (!target.includes("package.json") && !existsSync(file)) {
      throw new Error(
        `${manifest.name}: ${relative(ROOT, file)} is missing. Build first: pnpm build`,
      );
    }
  }
}

/** `npm install <package>` alone in a fresh folder outside the workspace, from the local registry. */
async function installAlone(name: PackageDir, fixture?: string): Promise<string> {
  const dir = scratch(`install-${name}-`);
  if (fixture) cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  if (fixture === "types") {
    // The same consumer twice: node16 reads .ts here as CommonJS and .mts as ESM.
    copyFileSync(TYPES_CONSUMER, join(dir, "consumer.ts"));
    copyFileSync(TYPES_CONSUMER, join(dir, "consumer.mts"));
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `try-${name}`, private: true }));
  writeFileSync(join(dir, ".npmrc"), `@connect-payment:registry=${registry!.url}\n`);
  await run(
    "npm",
    [
      "install",
      "--registry",
      registry!.url,
      "--cache",
      join(dir, ".npm-cache"),
      `@connect-payment/${name}@${VERSION}`,
    ],
    {
      cwd: dir,
    },
  );
  return dir;
}

/** Every package under node_modules, nested ones included, scoped ones as `@scope/name`. */
function installedPackages(dir: string): string[] {
  const found = new Set<string>();
  const visit = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith(".")) continue;
      const names = entry.startsWith("@")
        ? readdirSync(join(modules, entry)).map((scoped) => `${entry}/${scoped}`)
        : [entry];
      for (const name of names) {
        found.add(name);
        visit(join(modules, name, "node_modules"));
      }
    }
  };
  visit(join(dir, "node_modules"));
  return [...found].sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** What a user needs, and nothing from development: no sources, tests or configs. */
function expectOnlyShippedFiles(name: PackageDir, installed: string) {
  const files = filesUnder(installed);
  expect(files).toContain("package.json");
  expect(files).toContain("LICENSE");
  if (existsSync(join(packageDir(name), "README.md"))) expect(files).toContain("README.md");
  const development = files.filter((f) =>
    /^(src|test|tests)\/|\.test(-d)?\.|^tsconfig|^tsup\.config|^vitest\.config/.test(f),
  );
  expect(development).toEqual([]);
}

describe("@connect-payment/types installed alone", () => {
  const dir = () => installDirs.get("types")!;

  test("only the types package lands, with no runtime code", () => {
    expect(installedPackages(dir())).toEqual(["@connect-payment/types"]);
    const installed = join(dir(), "node_modules/@connect-payment/types");
    const code = filesUnder(installed).filter((f) => /\.(c|m)?js$/.test(f));
    expect(code).toEqual([]);
    expectOnlyShippedFiles("types", installed);
  });

  test.each(["node16", "bundler"])(
    "a strict TypeScript project compiles against it under moduleResolution %s",
    async (resolution) => {
      // The fixture holds @ts-expect-error lines: were the types to resolve to
      // `any`, those lines would be unused and this compile would fail.
      const output = await run(
        process.execPath,
        [TSC, "-p", `tsconfig.${resolution}.json`, "--listFiles"],
        {
          cwd: dir(),
        },
      );
      expect(output).toContain("node_modules/@connect-payment/types/generated/openapi.d.ts");
    },
    60_000,
  );

  test("types regenerated from the shipped spec with openapi-typescript match the shipped ones", async () => {
    const installed = join(dir(), "node_modules/@connect-payment/types");
    const manifest = manifestOf(installed);
    expect(manifest.exports["./openapi.yaml"]).toBe("./openapi.yaml");
    const regenerated = join(dir(), "regenerated.d.ts");
    await run(
      process.execPath,
      [OPENAPI_TYPESCRIPT, join(installed, "openapi.yaml"), "--output", regenerated],
      {
        cwd: dir(),
      },
    );
    const shipped = await normalize(
      readFileSync(join(installed, "generated/openapi.d.ts"), "utf8"),
    );
    const fresh = await normalize(readFileSync(regenerated, "utf8"));
    expect(shipped.length).toBeGreaterThan(500);
    expect(fresh).toBe(shipped);
    // The shipped spec is the repository's spec, not a stale copy.
    expect(parse(readFileSync(join(installed, "openapi.yaml"), "utf8"))).toEqual(
      parse(readFileSync(join(ROOT, "openapi/connect-payment.yaml"), "utf8")),
    );
  }, 60_000);
});

describe("@connect-payment/client installed alone", () => {
  const dir = () => installDirs.get("client")!;
  let api: Server;
  let apiUrl: string;
  const received: { path: string | undefined; authorization: string | undefined; body: unknown }[] =
    [];
  /** List and Change payment method requests, apart from Pay invoice's. */
  const methodRequests: {
    method: string | undefined;
    path: string | undefined;
    authorization: string | undefined;
    body: unknown;
  }[] = [];
  // The product code and invoice the fixtures send: the merchant's own data.
  const methodPath = `/capi${paymentMethodPath("PRODUCT-1")}`;
  // The merchant's own invoice in the record: "120.00" invoiced, 120 paid (the pages' drift).
  const invoicesPath = `/capi${listInvoicesPath("PRODUCT-1")}`;
  const invoiceRequests: { path: string | undefined; authorization: string | undefined }[] = [];
  // Client mode: the merchant's own customer 4242 and invoice, in the client-mode shape
  // (`invoiceId`, numeric amounts, epoch-millisecond dates). The list for one product
  // answers the sample's object, the list for all products the page's "Array of objects".
  const clientModePaths = {
    forProduct: `/capi${clientInvoicesPath(4242, "PRODUCT-1")}`,
    all: `/capi${clientInvoicesPath(4242)}`,
  };
  const clientModeRequests: { path: string; authorization: string | undefined }[] = [];
  const clientRecord = {
    invoiceId: "9001",
    companyCode: "COMPANY-1",
    product: "PRODUCT-1",
    customerNumber: 4242,
    invoiceAmount: 120,
    paidAmount: 120,
    invoiceDate: Date.UTC(2025, 0, 15, 10),
  };
  const record = {
    invoiceNumber: "INV-0001",
    companyCode: "COMPANY-1",
    invoiceAmount: "120.00",
    paidAmount: 120,
  };
  const invoice = {
    invoiceNumber: "INV-0001",
    productCode: "PRODUCT-1",
    companyCode: "COMPANY-1",
    paymentMethod: "nexi",
  };

  beforeAll(async () => {
    api = createServer((request, response) => {
      let text = "";
      request.on("data", (chunk) => (text += chunk));
      request.on("end", () => {
        const pathname = new URL(request.url ?? "/", "http://x").pathname;
        if (pathname === clientModePaths.forProduct || pathname === clientModePaths.all) {
          clientModeRequests.push({
            path: request.url!,
            authorization: request.headers.authorization,
          });
          response.writeHead(200, { "content-type": "application/json" });
          response.end(
            JSON.stringify(
              pathname === clientModePaths.all
                ? [clientRecord]
                : { clientInvoiceInfoList: [clientRecord] },
            ),
          );
          return;
        }
        if (request.url?.startsWith(`${invoicesPath}?`)) {
          invoiceRequests.push({ path: request.url, authorization: request.headers.authorization });
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify({ invoices: [record], reminders: [] }));
          return;
        }
        if (request.url === methodPath) {
          methodRequests.push({
            method: request.method,
            path: request.url,
            authorization: request.headers.authorization,
            body: text ? JSON.parse(text) : undefined,
          });
          response.writeHead(200, { "content-type": "application/json" });
          response.end(
            JSON.stringify(
              request.method === "GET"
                ? LIST_PAYMENT_METHODS_RESPONSE
                : CHANGE_PAYMENT_METHOD_RESPONSE,
            ),
          );
          return;
        }
        received.push({
          path: request.url,
          authorization: request.headers.authorization,
          body: text ? JSON.parse(text) : undefined,
        });
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ success: true, transactionId: TRANSACTION_ID + received.length }),
        );
      });
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    const address = api.address();
    apiUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/capi`;
  });

  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  test("it brings what it needs and nothing more", () => {
    expect(installedPackages(dir())).toEqual([
      "@connect-payment/client",
      "@connect-payment/types",
      "openapi-fetch",
      "openapi-typescript-helpers",
    ]);
    const installed = join(dir(), "node_modules/@connect-payment/client");
    expectOnlyShippedFiles("client", installed);
    // pnpm turned `workspace:^` into a range on the version published with it.
    expect(manifestOf(installed).dependencies?.["@connect-payment/types"]).toBe(`^${VERSION}`);
  });

  test.each([
    ["ESM", "pay.mjs", "esm"],
    ["CJS", "pay.cjs", "cjs"],
  ])(
    "%s: payInvoice and the raw entry against a local server return the transactionId",
    async (_label, script, format) => {
      const before = received.length;
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { API_URL: apiUrl },
      });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!);
      expect(received).toHaveLength(before + 2);
      expect(printed).toEqual({
        format,
        transactionId: TRANSACTION_ID + before + 1,
        raw: TRANSACTION_ID + before + 2,
      });
      const request = {
        path: `/capi${PAY_INVOICE_PATH}`,
        authorization: "Bearer registry-test-token",
        body: invoice,
      };
      expect(received.slice(before)).toEqual([request, request]);
    },
    30_000,
  );

  test.each([
    ["ESM", "methods.mjs", "esm"],
    ["CJS", "methods.cjs", "cjs"],
  ])(
    "%s: listPaymentMethods and changePaymentMethod against a local server",
    async (_label, script, format) => {
      const before = methodRequests.length;
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { API_URL: apiUrl },
      });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!);
      expect(printed).toEqual({
        format,
        methods: LIST_PAYMENT_METHODS_RESPONSE.paymentMethodResponseItems,
        paymentChangeId: CHANGE_PAYMENT_METHOD_RESPONSE.paymentChangeId,
      });
      const common = { path: methodPath, authorization: "Bearer registry-test-token" };
      expect(methodRequests.slice(before)).toEqual([
        { ...common, method: "GET", body: undefined },
        { ...common, method: "POST", body: CHANGE_PAYMENT_METHOD_REQUEST },
      ]);
    },
    30_000,
  );

  test.each([
    ["ESM", "invoices.mjs", "esm"],
    ["CJS", "invoices.cjs", "cjs"],
  ])(
    "%s: listInvoices, readInvoice and confirmInvoicePayment against a local server",
    async (_label, script, format) => {
      const before = invoiceRequests.length;
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { API_URL: apiUrl },
      });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!);
      expect(printed).toEqual({ format, owed: [["INV-0001", 12000, "paid"]], state: "paid" });
      const sent = invoiceRequests.slice(before);
      expect(sent.map((r) => new URL(r.path!, apiUrl).searchParams.has("unpaid"))).toEqual([
        true,
        false,
      ]);
      expect(sent.every((r) => r.authorization === "Bearer registry-test-token")).toBe(true);
    },
    30_000,
  );

  test.each([
    ["ESM", "client-mode.mjs", "esm"],
    ["CJS", "client-mode.cjs", "cjs"],
  ])(
    "%s: client mode (both lists, readInvoice, reconcilePayments, paymentKey) against a local server",
    async (_label, script, format) => {
      const before = clientModeRequests.length;
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { API_URL: apiUrl },
      });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!);
      const paid = [["9001", 12000, "paid"]];
      expect(printed).toEqual({
        format,
        forProduct: paid,
        all: paid,
        reconciled: [["COMPANY-1/PRODUCT-1/9001", "paid"]],
        key: "COMPANY-1/PRODUCT-1/9001",
      });
      const sent = clientModeRequests.slice(before);
      expect(sent.map((r) => new URL(r.path, apiUrl).pathname)).toEqual([
        clientModePaths.forProduct,
        clientModePaths.all,
        clientModePaths.forProduct,
      ]);
      expect(sent.every((r) => r.authorization === "Bearer registry-client-token")).toBe(true);
    },
    30_000,
  );

  test("a strict TypeScript project compiles against its client-mode types, as CJS and ESM", async () => {
    // The consumer holds @ts-expect-error lines: were the types to resolve to
    // `any`, those lines would be unused and this compile would fail.
    copyFileSync(join(dir(), "client-mode-types.ts"), join(dir(), "client-mode-types.mts"));
    const output = await run(
      process.execPath,
      [TSC, "-p", "tsconfig.client-mode.json", "--listFiles"],
      { cwd: dir() },
    );
    expect(output).toContain("node_modules/@connect-payment/client/dist/index.d.ts");
    expect(output).toContain("node_modules/@connect-payment/client/dist/index.d.cts");
  }, 60_000);
});

describe("@connect-payment/redirect installed alone", () => {
  const dir = () => installDirs.get("redirect")!;

  test("zero dependencies land", () => {
    expect(installedPackages(dir())).toEqual(["@connect-payment/redirect"]);
    const installed = join(dir(), "node_modules/@connect-payment/redirect");
    expect(manifestOf(installed).dependencies ?? {}).toEqual({});
    expectOnlyShippedFiles("redirect", installed);
  });

  test.each([
    ["ESM", "url.mjs", "esm"],
    ["CJS", "url.cjs", "cjs"],
  ])(
    "%s: builds a payment URL and parses a return",
    async (_label, script, format) => {
      const stdout = await run(process.execPath, [script], { cwd: dir() });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!) as {
        format: string;
        loginServer: string;
        url: string;
        status: string;
        changeUrl: string;
      };
      const spec = parse(readFileSync(join(ROOT, "openapi/connect-payment.yaml"), "utf8"));
      expect(printed.format).toBe(format);
      expect(printed.loginServer).toBe(spec["x-login-servers"].test.url);
      const url = new URL(printed.url);
      expect(`${url.origin}${url.pathname}`).toBe(`${printed.loginServer}${PAY_PAGE_PATH}`);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        clientId: "no.mediaconnect.test",
        transactionId: "1001",
        returnUrl: "https://shop.example/payment/return",
        errorUrl: "https://shop.example/payment/error",
      });
      expect(printed.status).toBe("cancelled");
      const changeUrl = new URL(printed.changeUrl);
      expect(`${changeUrl.origin}${changeUrl.pathname}`).toBe(
        `${printed.loginServer}${spec["x-payment-change-page"].path}`,
      );
      expect(Object.fromEntries(changeUrl.searchParams)).toEqual({
        clientId: "no.mediaconnect.test",
        returnUrl: "https://shop.example/method/return",
        errorUrl: "https://shop.example/method/error",
        paymentChangeId: "2002",
        ticket: "4v8nwodhfja",
      });
    },
    30_000,
  );
});

describe("@connect-payment/oauth installed alone", () => {
  const dir = () => installDirs.get("oauth")!;
  let login: Server;
  let loginUrl: string;
  const received: { path: string | undefined; authorization: string | undefined; body: string }[] =
    [];

  beforeAll(async () => {
    login = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ path: request.url, authorization: request.headers.authorization, body });
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            access_token: `registry-access-${received.length}`,
            token_type: "Bearer",
            expires_in: 43200,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => login.listen(0, "127.0.0.1", resolve));
    const address = login.address();
    loginUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/user`;
  });

  afterAll(() => new Promise<void>((resolve) => login.close(() => resolve())));

  test("only oauth4webapi comes with it", () => {
    expect(installedPackages(dir())).toEqual(["@connect-payment/oauth", "oauth4webapi"]);
    const installed = join(dir(), "node_modules/@connect-payment/oauth");
    expectOnlyShippedFiles("oauth", installed);
    expect(Object.keys(manifestOf(installed).dependencies ?? {})).toEqual(["oauth4webapi"]);
  });

  test.each([
    ["ESM", "login.mjs", "esm"],
    ["CJS", "login.cjs", "cjs"],
  ])(
    "%s: starts a login on the spec's test server and refreshes against a local one",
    async (_label, script, format) => {
      const before = received.length;
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { LOGIN_URL: loginUrl },
      });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!) as {
        format: string;
        loginServer: string;
        url: string;
        accessToken: string;
      };
      const spec = parse(readFileSync(join(ROOT, "openapi/connect-payment.yaml"), "utf8"));
      expect(printed.format).toBe(format);
      expect(printed.loginServer).toBe(spec["x-login-servers"].test.url);
      const url = new URL(printed.url);
      expect(`${url.origin}${url.pathname}`).toBe(`${printed.loginServer}/oauth/authorize`);
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(printed.accessToken).toBe(`registry-access-${before + 1}`);
      expect(received[before]?.path).toBe("/user/oauth/token");
      expect(received[before]?.authorization).toMatch(/^Basic /);
      expect(new URLSearchParams(received[before]?.body).get("grant_type")).toBe("refresh_token");
    },
    30_000,
  );

  test.each([
    ["ESM", "client-credentials.mjs", "esm"],
    ["CJS", "client-credentials.cjs", "cjs"],
  ])(
    "%s: createClientCredentialsSource gets the merchant's token once from a local token endpoint",
    async (_label, script, format) => {
      const before = received.length;
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { LOGIN_URL: loginUrl },
      });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!);
      const token = `registry-access-${before + 1}`;
      expect(printed).toEqual({ format, tokens: [token, token] });
      expect(received).toHaveLength(before + 1);
      expect(received[before]?.path).toBe("/user/oauth/token");
      const basic = /^Basic (\S+)$/.exec(received[before]?.authorization ?? "")?.[1] ?? "";
      // RFC 6749 section 2.3.1: each part form-encoded before Basic.
      const parts = Buffer.from(basic, "base64")
        .toString("utf8")
        .split(":")
        .map(decodeURIComponent);
      expect(parts).toEqual(["no.mediaconnect.test", "registry-test-secret"]);
      const form = new URLSearchParams(received[before]?.body);
      expect(form.get("grant_type")).toBe("client_credentials");
      expect(form.has("redirect_uri")).toBe(false);
    },
    30_000,
  );

  test("a strict TypeScript project compiles against createClientCredentialsSource, as CJS and ESM", async () => {
    copyFileSync(
      join(dir(), "client-credentials-types.ts"),
      join(dir(), "client-credentials-types.mts"),
    );
    const output = await run(
      process.execPath,
      [TSC, "-p", "tsconfig.client-credentials.json", "--listFiles"],
      { cwd: dir() },
    );
    expect(output).toContain("node_modules/@connect-payment/oauth/dist/index.d.ts");
    expect(output).toContain("node_modules/@connect-payment/oauth/dist/index.d.cts");
  }, 60_000);
});

describe("@connect-payment/oauth-redis installed alone", () => {
  const dir = () => installDirs.get("oauth-redis")!;
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  test("it brings @connect-payment/oauth, and npm its peer redis; it bundles neither", () => {
    const installed = installedPackages(dir());
    expect(installed).toEqual(
      expect.arrayContaining(["@connect-payment/oauth-redis", "@connect-payment/oauth", "redis"]),
    );
    const root = join(dir(), "node_modules/@connect-payment/oauth-redis");
    const manifest = manifestOf(root);
    expect(manifest.dependencies).toEqual({ "@connect-payment/oauth": `^${VERSION}` });
    expect(manifest.peerDependencies).toEqual({ redis: "^6.3.1" });
    expectOnlyShippedFiles("oauth-redis", root);
  });

  test.each([
    ["ESM", "store.mjs", "esm"],
    ["CJS", "store.cjs", "cjs"],
  ])(
    "%s: tokens sealed in a real Redis and read back; the lease held by one",
    async (_l, script, format) => {
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { REDIS_URL: redis.url },
      });
      expect(JSON.parse(stdout.trim().split("\n").pop()!)).toEqual({
        format,
        roundTrip: true,
        sealed: true,
        lease: ["one", "one"],
      });
    },
    30_000,
  );
});

/** Formats with the repository's prettier config and drops the leading header comment. */
async function normalize(source: string): Promise<string> {
  const options =
    (await prettier.resolveConfig(join(ROOT, "packages/types/generated/openapi.d.ts"))) ?? {};
  const formatted = await prettier.format(source, { ...options, parser: "typescript" });
  return formatted.replace(/^\s*\/\*\*[\s\S]*?\*\/\s*/, "");
}

describe("@connect-payment/sandbox installed alone", () => {
  const dir = () => installDirs.get("sandbox")!;

  test("it brings the spec and its validator, and never msw (an optional peer)", () => {
    const installed = installedPackages(dir());
    expect(installed).toEqual(
      expect.arrayContaining(["@connect-payment/sandbox", "@connect-payment/types", "ajv", "yaml"]),
    );
    expect(installed).not.toContain("msw");
    expect(installed).not.toContain("@connect-payment/client");
    const manifest = manifestOf(join(dir(), "node_modules/@connect-payment/sandbox"));
    expect(manifest.dependencies?.["@connect-payment/types"]).toBe(`^${VERSION}`);
    expectOnlyShippedFiles("sandbox", join(dir(), "node_modules/@connect-payment/sandbox"));
  });

  test.each([
    ["ESM", "merchant.mjs", "finished", "paymentStatus"],
    ["CJS", "merchant.cjs", "cancelled", "result"],
  ])(
    "%s: startSandbox() and a merchant-style payment, completed without a browser",
    async (_label, script, outcome, param) => {
      // The sandbox exports no spec paths; a merchant takes them from the client
      // and redirect packages, which are not installed here.
      const stdout = await run(process.execPath, [script], {
        cwd: dir(),
        env: { PAY_INVOICE_PATH, PAY_PAGE_PATH },
      });
      const printed = JSON.parse(stdout.trim().split("\n").pop()!);
      expect(Number.isSafeInteger(printed.transactionId) && printed.transactionId > 0).toBe(true);
      expect(printed.location).toBe(`https://shop.example/return?${param}=${outcome}`);
      for (const request of printed.requests) expect(request.issues).toEqual([]);
      if (printed.format === "esm") expect(printed.notAdded).toEqual({ success: false });
      else expect(printed.triggers).toBeGreaterThanOrEqual(8);
    },
    30_000,
  );

  test("npx @connect-payment/sandbox starts it, prints its URLs, and serves the API", async () => {
    // In its own process group, so the sandbox under npx stops with it.
    const child = spawn("npx", ["@connect-payment/sandbox", "--port", "0"], {
      cwd: dir(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: cleanEnv(),
    });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (output += chunk));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: string) => {
          output += chunk;
          if (output.includes("Ctrl-C")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`npx exited (${code}): ${output}`)));
      });
      expect(output).toMatch(/test double .*not the provider/);
      const apiUrl = /apiUrl\s+(\S+)/.exec(output)?.[1];
      expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/capi$/);
      const response = await fetch(`${apiUrl}${PAY_INVOICE_PATH}`, { method: "POST" });
      expect(response.status).toBe(401);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    }
    if (child.exitCode === null) await once(child, "exit");
  }, 60_000);
});
