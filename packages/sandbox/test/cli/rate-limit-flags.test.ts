// The rate limits' flags: --rate-limit-per-minute turns the limits on and a
// call past it is a 429; a bad --clock-speed exits 2 naming the option.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it, vi } from "vitest";
import { clientInvoicesPath } from "../../../../openapi/fixtures.mjs";
import { SANDBOX_CUSTOMERS } from "../../src/index.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
vi.setConfig({ testTimeout: 30_000 });

it("enforces --rate-limit-per-minute, on a clock --clock-speed times slower or faster", async () => {
  // A slow clock (0.001×): the minute's window does not renew during the test.
  const child = spawn(
    process.execPath,
    [CLI, "--port", "0", "--any-token", "--rate-limit-per-minute", "2", "--clock-speed", "0.001"],
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
  try {
    expect(output).toMatch(/rate limits\s+100 a second, 2 a minute per client; clock speed 0\.001/);
    expect(output).toContain(`kari ${SANDBOX_CUSTOMERS[0]!.customerNumber}`);
    const apiUrl = /apiUrl\s+(\S+)/.exec(output)![1]!;
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(
        apiUrl + clientInvoicesPath(SANDBOX_CUSTOMERS[0]!.customerNumber),
        {
          headers: { authorization: "Bearer any" },
        },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
});

it("exits 2 naming a bad --clock-speed", () => {
  const run = spawnSync(process.execPath, [CLI, "--clock-speed", "fast"], { encoding: "utf8" });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/clockSpeed must be a number above 0/);
});
