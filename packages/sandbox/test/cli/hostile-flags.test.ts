// The command line's flags for the hostile-input fixes: a warning for a host
// that is not loopback, --allowed-host, and --no-reuse-detection.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it, vi } from "vitest";
import { DEFAULT_OAUTH_CLIENT } from "../../src/index.js";
import { rawRequest } from "../hostile/helpers.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
vi.setConfig({ testTimeout: 30_000 });

async function withCli(args: string[], run: (output: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [CLI, "--port", "0", ...args], {
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
    await run(output);
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

it("warns about a host that is not loopback and answers --allowed-host names only", async () => {
  await withCli(["--host", "0.0.0.0", "--allowed-host", "sandbox.test"], async (output) => {
    expect(output).toMatch(/warning: host 0\.0\.0\.0 is not loopback/);
    const port = /controlUrl\s+http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
    const url = `http://127.0.0.1:${port}/_sandbox/transactions`;
    expect((await rawRequest(url, { headers: { host: `sandbox.test:${port}` } })).status).toBe(200);
    expect((await rawRequest(url, { headers: { host: `rebound.example:${port}` } })).status).toBe(
      421,
    );
  });
});

it("detects refresh-token reuse unless --no-reuse-detection", async () => {
  for (const [flags, newestAfterReuse] of [
    [[], 400],
    [["--no-reuse-detection"], 200],
  ] as const) {
    await withCli([...flags], async (output) => {
      const controlUrl = /controlUrl\s+(\S+)/.exec(output)?.[1];
      const loginServer = /loginServer\s+(\S+)/.exec(output)?.[1];
      const signIn = await fetch(`${controlUrl}/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const { refresh_token } = (await signIn.json()) as { refresh_token: string };
      const refresh = (token: string) =>
        fetch(`${loginServer}/oauth/token`, {
          method: "POST",
          body: new URLSearchParams({
            grant_type: "refresh_token",
            refresh_token: token,
            client_id: DEFAULT_OAUTH_CLIENT.clientId,
            client_secret: DEFAULT_OAUTH_CLIENT.clientSecret,
          }),
        });
      const rotated = (await (await refresh(refresh_token)).json()) as { refresh_token: string };
      expect((await refresh(refresh_token)).status).toBe(400);
      expect((await refresh(rotated.refresh_token)).status).toBe(newestAfterReuse);
    });
  }
});
