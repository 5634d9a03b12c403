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
