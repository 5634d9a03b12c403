// DNS rebinding: a web page whose name now points to 127.0.0.1 reaches the
// sandbox with its own name in Host. Only loopback names and the configured
// host are answered; every other Host gets 421 and the documented body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { rawRequest } from "./helpers.js";
import { PAY_INVOICE_PATH } from "../../../../openapi/fixtures.mjs";

let sandbox: Sandbox;
let named: Sandbox;
beforeAll(async () => {
  [sandbox, named] = await Promise.all([
    startSandbox(),
    startSandbox({ allowedHosts: ["sandbox.test"] }),
  ]);
});
afterAll(() => Promise.all([sandbox.close(), named.close()]));

const port = (target: Sandbox) => new URL(target.apiUrl).port;

describe("the Host header", () => {
  it("refuses a foreign name on the control path, the login server and the API", async () => {
    for (const [path, method, body] of [
      ["/_sandbox/sign-in", "POST", "{}"],
      ["/_sandbox/requests", "GET", undefined],
      ["/user/oauth/authorize", "GET", undefined],
      [`/capi${PAY_INVOICE_PATH}`, "POST", "{}"],
    ] as const) {
      const response = await rawRequest(`http://127.0.0.1:${port(sandbox)}${path}`, {
        method,
        headers: { host: `rebound.example:${port(sandbox)}`, "content-type": "application/json" },
        ...(body ? { body } : {}),
      });
      expect(response.status, path).toBe(421);
      expect(JSON.parse(response.body)).toEqual({
        error: "misdirected_request",
        message: expect.stringContaining("rebound.example"),
      });
      expect(response.body).not.toContain("access_token");
    }
  });

  it("answers loopback names, with or without the port", async () => {
    for (const host of [
      `127.0.0.1:${port(sandbox)}`,
      `127.3.4.5:${port(sandbox)}`,
      `localhost:${port(sandbox)}`,
      "LOCALHOST",
      `[::1]:${port(sandbox)}`,
    ]) {
      const response = await rawRequest(`${sandbox.controlUrl}/transactions`, {
        headers: { host },
      });
      expect(response.status, host).toBe(200);
    }
  });

  it("refuses names that only look like loopback", async () => {
    for (const host of [
      `localhost.rebound.example:${port(sandbox)}`,
      `127.0.0.1.rebound.example`,
      `[::2]:${port(sandbox)}`,
      `127.0.0.256`,
    ]) {
      const response = await rawRequest(`${sandbox.controlUrl}/transactions`, {
        headers: { host },
      });
      expect(response.status, JSON.stringify(host)).toBe(421);
    }
  });

  it("answers the names given in allowedHosts", async () => {
    const allowed = await rawRequest(`${named.controlUrl}/transactions`, {
      headers: { host: `sandbox.test:${port(named)}` },
    });
    expect(allowed.status).toBe(200);
    const other = await rawRequest(`${named.controlUrl}/transactions`, {
      headers: { host: `other.test:${port(named)}` },
    });
    expect(other.status).toBe(421);
  });

  it("checks allowedHosts and warns through log about a host that is not loopback", async () => {
    await expect(startSandbox({ allowedHosts: ["bad host/"] })).rejects.toThrow(/allowedHosts/);
    const lines: string[] = [];
    const open = await startSandbox({ host: "0.0.0.0", log: (line) => lines.push(line) });
    try {
      expect(lines.join("\n")).toMatch(/warning: .*0\.0\.0\.0.*not loopback/i);
      // The configured host counts as a name the sandbox answers to.
      const response = await rawRequest(
        `http://127.0.0.1:${new URL(open.apiUrl).port}/_sandbox/transactions`,
        {
          headers: { host: `0.0.0.0:${new URL(open.apiUrl).port}` },
        },
      );
      expect(response.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
