// What the CLI prints for a developer wiring an app to it: the OAuth client
// to configure and every trigger, taken from the package's own constants.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it, vi } from "vitest";
import {
  DEFAULT_OAUTH_CLIENT,
  SANDBOX_PRODUCT_TRIGGERS,
  SANDBOX_TRIGGERS,
} from "../../src/index.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
vi.setConfig({ testTimeout: 30_000 });

it("prints the OAuth client id and secret, and the invoice and product triggers", async () => {
  const child = spawn(process.execPath, [CLI, "--port", "0"], {
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
  child.kill("SIGTERM");
  await once(child, "exit");

  expect(output).toMatch(
    new RegExp(`clientId\\s+${DEFAULT_OAUTH_CLIENT.clientId.replace(/\./g, "\\.")}`),
  );
  expect(output).toMatch(new RegExp(`clientSecret\\s+${DEFAULT_OAUTH_CLIENT.clientSecret}`));
  for (const [name, invoiceNumber] of Object.entries(SANDBOX_TRIGGERS)) {
    expect(output).toContain(`${invoiceNumber} → ${name}`);
  }
  for (const [name, productCode] of Object.entries(SANDBOX_PRODUCT_TRIGGERS)) {
    expect(output).toContain(`${productCode} → ${name}`);
  }
});
