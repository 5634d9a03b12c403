// Runs the README's main-job command the way CI does, `pnpm demo --walk`,
// and checks what it prints. The packages are already built by the test task.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEMO = "scripts/demo.mjs";

describe("pnpm demo", () => {
  it("--walk walks the whole job for finished, cancelled and failed, printing each step", () => {
    const run = spawnSync(process.execPath, [DEMO, "--walk", "--no-build"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 90_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const outcome of ["finished", "cancelled", "failed"]) {
      expect(run.stdout).toContain(`Walking the flow to "${outcome}"`);
      expect(run.stdout).toMatch(
        new RegExp(`✔ ${outcome}: the merchant read the bound return of transaction \\d+`),
      );
      expect(run.stdout).toContain(`outcome=${outcome} → 303, back to the merchant`);
      expect(run.stdout).toContain(`200, the bound return says: ${outcome}, transactionId`);
    }
    // Each walk starts from the customer's unpaid invoices, as the provider lists them.
    expect(run.stdout.match(/\d+ unpaid invoice\(s\); paying \d+/g)).toHaveLength(3);
    // The record, apart from the link: only the finished payment is confirmed, and only then granted.
    expect(run.stdout).toMatch(
      /✔ finished: Paid: the provider's record of invoice \d+ shows it paid\. Granted\./,
    );
    expect(
      run.stdout.match(/the provider's record: (unpaid|partly_paid|unknown|not_found)/g)?.length,
    ).toBeGreaterThanOrEqual(2);
    // Each of the three walks logs in first (5 steps) and pays (5 steps); then a denied login (5).
    expect(run.stdout.match(/^ {2}[1-5]\. (GET|POST) /gm)).toHaveLength(35);
    expect(run.stdout).toContain("customer=kari → 303, back to the merchant");
    expect(run.stdout).toContain("✔ denied: the merchant shows access_denied");
    // The authorization code is never printed.
    expect(run.stdout).not.toMatch(/[?&]code=[^…&\s]/);
    expect(run.stdout).toContain(
      'Forging the result: cancel, then put "&paymentStatus=finished" on the bound return URL',
    );
    expect(run.stdout).toMatch(/→ 200, the page shows: finished; the record: unpaid\n/);
    expect(run.stdout).toMatch(
      /✔ the provider's record of invoice \d+ shows it unpaid; nothing was granted/,
    );
    expect(run.stdout).toContain(
      "✔ the shop shows the claim and does not say the payment was received",
    );
    expect(run.stdout).toContain("The whole flow works.");
  }, 90_000);

  it("without --walk prints the URL to open, serves it, and stops on Ctrl-C", async () => {
    const child = spawn(process.execPath, [DEMO, "--no-build", "--port", "0"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8");
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: string) => {
        output += chunk;
        if (output.includes("Ctrl-C")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    try {
      const url = /Open the demo merchant:\s+(\S+)/.exec(output)?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Log in with ConnectID (sandbox)");
    } finally {
      child.kill("SIGINT");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  }, 30_000);

  it('also takes the flags after "--", as `pnpm demo -- --walk` passes them', () => {
    const run = spawnSync(process.execPath, [DEMO, "--", "--walk", "--no-build"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 90_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("The whole flow works.");
  }, 90_000);

  it("refuses a bad --port with a message", () => {
    const run = spawnSync(process.execPath, [DEMO, "--no-build", "--port", "http"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--port must be a whole number");
  });
});
