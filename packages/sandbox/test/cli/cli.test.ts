import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it, vi } from "vitest";
import { PAY_INVOICE_PATH, PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

// Each test starts a Node process; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000 });

it("prints both URLs from the command line, serves them, and stops on SIGTERM", async () => {
  const child = spawn(process.execPath, [CLI, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  const ready = new Promise<void>((resolve) => {
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      if (output.includes("Ctrl-C")) resolve();
    });
  });
  try {
    await ready;
    const apiUrl = /apiUrl\s+(\S+)/.exec(output)?.[1];
    const loginServer = /loginServer\s+(\S+)/.exec(output)?.[1];
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/capi$/);
    expect(loginServer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/user$/);
    expect(output).toContain("4290000000 → rateLimited");
    expect(output).toContain("kari (Kari Nordmann), ola (Ola Nordmann), sven (Sven Svensson)");
    const response = await fetch(`${apiUrl}${PAY_INVOICE_PATH}`, { method: "POST" });
    expect(response.status).toBe(401);
  } finally {
    child.kill("SIGTERM");
  }
  const [code] = await once(child, "exit");
  expect(code).toBe(0);
});

it("says on its first line that it is a test double, and takes its flags", async () => {
  const child = spawn(
    process.execPath,
    [CLI, "--port", "0", "--status-param", "result", "--latency", "5", "--token-lifetime", "60"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.setEncoding("utf8");
  await new Promise<void>((resolve) => {
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      if (output.includes("Ctrl-C")) resolve();
    });
  });
  child.kill("SIGTERM");
  await once(child, "exit");
  expect(output.split("\n")[0]).toMatch(/test double .*not the provider/);
  expect(output).toMatch(/result param result/);
  expect(output).toMatch(/controlUrl\s+http:\/\/127\.0\.0\.1:\d+\/_sandbox/);
});

it("takes only issued tokens, unless --any-token", async () => {
  for (const [flags, madeUpStatus] of [
    [[], 401],
    [["--any-token"], 200],
  ] as const) {
    const child = spawn(process.execPath, [CLI, "--port", "0", ...flags], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8");
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: string) => {
        output += chunk;
        if (output.includes("Ctrl-C")) resolve();
      });
    });
    try {
      const apiUrl = /apiUrl\s+(\S+)/.exec(output)?.[1];
      const controlUrl = /controlUrl\s+(\S+)/.exec(output)?.[1];
      const pay = (token: string) =>
        fetch(`${apiUrl}${PAY_INVOICE_PATH}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ ...PAY_INVOICE_REQUEST, paymentMethod: "nexi" }),
        });
      expect((await pay("made-up-token")).status).toBe(madeUpStatus);
      const signIn = await fetch(`${controlUrl}/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const { access_token } = (await signIn.json()) as { access_token: string };
      expect((await pay(access_token)).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  }
});

it.each([
  [["--port", "http"], "port must be a whole number"],
  [["--latency", "soon"], "latencyMs must be a whole number"],
  [["--nope"], "Unknown option"],
])("refuses %j with exit code 2 and a message", async (args, message) => {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  const [code] = await once(child, "exit");
  expect(code).toBe(2);
  expect(stderr).toContain(message);
});
