// The drift check must fail when the spec changes and the generated files do
// not follow, and pass when they match.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { SPEC_PATH } from "./load-spec.js";

const run = promisify(execFile);
const GENERATE = new URL("../../scripts/generate.mjs", import.meta.url).pathname;
const scratch = await mkdtemp(join(tmpdir(), "spec-drift-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function check(specFile?: string) {
  const args = [GENERATE, "--check", ...(specFile ? ["--spec", specFile] : [])];
  try {
    const { stdout } = await run(process.execPath, args);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, output: failed.stderr };
  }
}

describe("drift check", () => {
  test("passes on the committed spec and generated files", async () => {
    const result = await check();
    expect(result).toEqual({ code: 0, output: "Generated files match the spec.\n" });
  }, 30_000);

  test("fails, naming the stale files, when a maxLength changes without regenerating", async () => {
    const spec = await readFile(SPEC_PATH, "utf8");
    const changed = spec.replace("maxLength: 10", "maxLength: 11");
    expect(changed).not.toBe(spec);
    const file = join(scratch, "changed.yaml");
    await writeFile(file, changed);

    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.output).toContain("packages/client/src/generated/spec.ts");
    expect(result.output).toContain("packages/types/openapi.yaml");
    expect(result.output).toContain("Run `pnpm generate`");
  }, 30_000);
});
