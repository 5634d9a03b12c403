// The CLI's invoice flags: the record's delay and what List invoices answers
// without dates; the record triggers printed; a bad value refused with exit code 2.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it, vi } from "vitest";
import { SANDBOX_RECORD_TRIGGERS } from "../../src/index.js";
import { PAY_INVOICE_REQUEST, listInvoicesPath } from "../../../../openapi/fixtures.mjs";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
vi.setConfig({ testTimeout: 30_000 });

it("takes --paid-record-delay and --invoices-without-dates, and prints the record triggers", async () => {
  const child = spawn(
    process.execPath,
    [CLI, "--port", "0", "--paid-record-delay", "250", "--invoices-without-dates", "all"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  try {
    let output = "";
    child.stdout.setEncoding("utf8");
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: string) => {
        output += chunk;
        if (output.includes("Ctrl-C")) resolve();
      });
    });
    for (const [name, invoiceNumber] of Object.entries(SANDBOX_RECORD_TRIGGERS)) {
      expect(output).toContain(`${invoiceNumber} → ${name}`);
    }
    expect(output).toContain("after 250 ms");
    const apiUrl = /apiUrl\s+(\S+)/.exec(output)![1]!;
    const controlUrl = /controlUrl\s+(\S+)/.exec(output)![1]!;
    const signIn = await fetch(`${controlUrl}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const { access_token } = (await signIn.json()) as { access_token: string };
    const listed = await fetch(`${apiUrl}${listInvoicesPath(PAY_INVOICE_REQUEST.productCode)}`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const { invoices } = (await listed.json()) as { invoices: unknown[] };
    // Without dates, every invoice: the flag turned "only the latest" off.
    expect(invoices.length).toBeGreaterThan(2);
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
});

it("refuses --invoices-without-dates some with exit code 2, naming the option", async () => {
  const child = spawn(process.execPath, [CLI, "--invoices-without-dates", "some"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  const [code] = await once(child, "exit");
  expect(code).toBe(2);
  expect(stderr).toContain("invoicesWithoutDates");
});
