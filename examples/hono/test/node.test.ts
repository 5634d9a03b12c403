// The shop on Node (@hono/node-server), over real HTTP, against the sandbox.
import type { ServerType } from "@hono/node-server";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll } from "vitest";
import { serveShop } from "../src/node.js";
import { freePort } from "./free-port.js";
import { SHOP_SETTINGS, shopScenarios } from "./scenarios.js";

let sandbox: Sandbox;
let server: ServerType;
let origin: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = await serveShop(
    {
      publicOrigin: origin,
      apiUrl: sandbox.apiUrl,
      loginServer: sandbox.loginServer,
      ...DEFAULT_OAUTH_CLIENT,
      ...SHOP_SETTINGS,
    },
    port,
  );
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sandbox.close();
});

shopScenarios(() => ({ origin, sandbox }));
