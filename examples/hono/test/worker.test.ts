// The same shop as a Cloudflare Worker, bundled with esbuild and run in
// workerd (miniflare), over real HTTP, against the sandbox on 127.0.0.1.
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import type { WorkerEnv } from "../src/worker.js";
import { freePort } from "./free-port.js";
import { SHOP_SETTINGS, shopScenarios } from "./scenarios.js";

let sandbox: Sandbox;
let worker: Miniflare;
let origin: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("../src/worker.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "silent",
  });
  const port = await freePort();
  const bindings: WorkerEnv = {
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    CONNECT_API_URL: sandbox.apiUrl,
    CONNECTID_LOGIN_SERVER: sandbox.loginServer,
    CONNECTID_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
    CONNECTID_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
    RETURN_URL_SECRET: SHOP_SETTINGS.returnUrlSecret,
    PRODUCT_CODE: SHOP_SETTINGS.productCode,
    COMPANY_CODE: SHOP_SETTINGS.companyCode,
  };
  worker = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]!.text,
    compatibilityDate: "2025-07-18",
    host: "127.0.0.1",
    port,
    bindings: { ...bindings },
  });
  origin = (await worker.ready).origin;
}, 120_000);
afterAll(async () => {
  await worker.dispose();
  await sandbox.close();
});

shopScenarios(() => ({ origin, sandbox }));
