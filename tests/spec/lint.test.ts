// The spec linter runs in `pnpm lint`; prove it fails on a spec that breaks a rule.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { SPEC_PATH } from "./load-spec.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const scratch = await mkdtemp(join(tmpdir(), "spec-lint-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function lint(specFile: string) {
  const redocly = join(ROOT, "node_modules/.bin/redocly");
  try {
    await run(redocly, ["lint", "--format=stylish", specFile], { cwd: scratch });
    return { code: 0, output: "" };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

test("the committed spec passes the linter", async () => {
  await copyFile(join(ROOT, "redocly.yaml"), join(scratch, "redocly.yaml"));
  const file = join(scratch, "ok.yaml");
  await copyFile(SPEC_PATH, file);
  expect(await lint(file)).toEqual({ code: 0, output: "" });
}, 30_000);

test("a spec without an operationId and with an undefined $ref fails the linter", async () => {
  await copyFile(join(ROOT, "redocly.yaml"), join(scratch, "redocly.yaml"));
  const spec = await readFile(SPEC_PATH, "utf8");
  const broken = spec
    .replace("      operationId: payInvoice\n", "")
    .replace(
      '$ref: "#/components/schemas/PayInvoiceResponse"',
      '$ref: "#/components/schemas/Nope"',
    );
  const file = join(scratch, "broken.yaml");
  await writeFile(file, broken);
  const result = await lint(file);
  expect(result.code).toBe(1);
  expect(result.output).toContain("operation-operationId");
  expect(result.output).toContain("no-unresolved-refs");
}, 30_000);

// Spectral with the OWASP API Security ruleset runs beside Redocly in `pnpm lint:spec`.
// The ruleset's overrides name files relative to it, so a copy of the spec gets a copy beside it.
async function spectral(specFile: string, ruleset = join(ROOT, ".spectral.yaml")) {
  const bin = join(ROOT, "node_modules/.bin/spectral");
  const args = ["lint", "--fail-severity=warn", "--ruleset", ruleset];
  try {
    const { stdout } = await run(bin, [...args, specFile], { cwd: scratch });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

test("the committed spec passes Spectral (spectral:oas and the OWASP ruleset)", async () => {
  const result = await spectral(SPEC_PATH);
  expect(result.output).toContain("No results with a severity of 'warn' or higher found!");
  expect(result.code).toBe(0);
}, 60_000);

test("Spectral fails a spec whose transactionId has no format and whose 429 has no Retry-After", async () => {
  const spec = await readFile(SPEC_PATH, "utf8");
  const broken = spec
    .replace(/(TransactionId:\n\s+type: integer\n)\s+format: int64\n/, "$1")
    .replace(/\n\s+Retry-After:\n\s+\$ref: "#\/components\/headers\/Retry-After"/, "");
  expect(broken).not.toBe(spec);
  const file = join(scratch, "connect-payment.yaml");
  await writeFile(file, broken);
  // The copy resolves the OWASP ruleset from the repository, not from the scratch folder.
  const owasp = join(ROOT, "node_modules/@stoplight/spectral-owasp-ruleset/dist/ruleset.mjs");
  const ruleset = await readFile(join(ROOT, ".spectral.yaml"), "utf8");
  await writeFile(
    join(scratch, ".spectral.yaml"),
    ruleset.replace('"@stoplight/spectral-owasp-ruleset"', JSON.stringify(owasp)),
  );
  const result = await spectral(file, join(scratch, ".spectral.yaml"));
  expect(result.code).toBe(1);
  expect(result.output).toContain("owasp:api4:2023-integer-format");
  expect(result.output).toContain("owasp:api4:2023-rate-limit-retry-after");
}, 60_000);

test("every rule the Spectral ruleset turns off says why, in a comment above it", async () => {
  const lines = (await readFile(join(ROOT, ".spectral.yaml"), "utf8")).split("\n");
  const waived = lines.flatMap((line, i) => (/:\s*off\s*$/.test(line) ? [i] : []));
  expect(waived.length).toBeGreaterThan(0);
  // Walking up from a waived rule, past other waived rules and an override's
  // `files`/`rules` lines, the first other line must be the reason.
  const structural = /^\s*(-\s*files:|rules:|-\s*"[^"]*"|[\w:.-]+:\s*off)\s*$/;
  for (const i of waived) {
    const reason = lines
      .slice(0, i)
      .reverse()
      .find((line) => !structural.test(line));
    expect(reason, `no reason above line ${i + 1}: ${lines[i]}`).toMatch(/^\s*#\s*\S/);
  }
});
