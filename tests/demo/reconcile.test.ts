// Runs `pnpm demo --reconcile` and checks what it prints: the customer pays
// and closes the tab before the return, and the back office confirms the
// payment from the record in client mode, granted once. The packages are
// already built by the test task.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("pnpm demo --reconcile", () => {
  it("pays, leaves before the return, and the back office grants the payment once", () => {
    const run = spawnSync(process.execPath, ["scripts/demo.mjs", "--reconcile", "--no-build"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 90_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The pay page decided; the way back to the shop was never opened.
    expect(run.stdout).toContain("outcome=finished → 303; the tab is closed");
    expect(run.stdout).not.toContain("the bound return says");
    expect(run.stdout).toContain("client_credentials granted to");
    const invoice = /paying (\d+)/.exec(run.stdout)?.[1];
    expect(invoice).toBeDefined();
    expect(run.stdout).toContain(`GET  /back-office → 200, not confirmed: ${invoice}`);
    expect(run.stdout).toMatch(
      new RegExp(`✔ invoice ${invoice} \\(transaction \\d+\\): paid in the record, granted once`),
    );
    expect(run.stdout.match(/granted \(back office\): invoice/g)).toHaveLength(1);
    expect(run.stdout).toContain("POST /back-office/confirm again → 0 confirmed");
    expect(run.stdout).toContain("The back office works.");
  }, 90_000);
});
