// The generator turns every rule of the spec into a rule the client checks,
// or stops and names the one it cannot check: no rule is silently skipped.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { SPEC_PATH } from "./load-spec.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const scratch = await mkdtemp(join(tmpdir(), "generator-rules-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Generates the client's file from the spec with one change; the output, or the error. */
async function generate(change: (spec: ReturnType<typeof parseDocument>) => void) {
  const spec = parseDocument(await readFile(SPEC_PATH, "utf8"));
  change(spec);
  const file = join(scratch, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, spec.toString());
  const out = join(scratch, "out");
  try {
    await promisify(execFile)(process.execPath, [
      join(ROOT, "scripts/generate.mjs"),
      "--spec",
      file,
      "--out",
      out,
      "client",
    ]);
    return {
      ok: true,
      text: await readFile(join(out, "packages/client/src/generated/spec.ts"), "utf8"),
    };
  } catch (error) {
    return { ok: false, text: (error as { stderr: string }).stderr };
  }
}

const LIST = ["paths", "/v1/customer/invoice/payment/{product}", "get"];

describe("the generator stops on a rule the client cannot check", () => {
  test("a pattern on a query parameter", async () => {
    const result = await generate((spec) =>
      spec.setIn([...LIST, "parameters", 2, "schema", "pattern"], "^\\d{4}"),
    );
    expect(result.ok).toBe(false);
    expect(result.text).toContain(
      'listInvoices query parameter from: the client cannot check "pattern"',
    );
  });

  test("a format it does not know", async () => {
    const result = await generate((spec) =>
      spec.setIn([...LIST, "parameters", 2, "schema", "format"], "date-time"),
    );
    expect(result.ok).toBe(false);
    expect(result.text).toContain('cannot check format "date-time"');
  });

  test("a closed answer object, and a limit on an array", async () => {
    const closed = await generate((spec) =>
      spec.setIn(["components", "schemas", "Invoice", "additionalProperties"], false),
    );
    expect(closed.ok).toBe(false);
    expect(closed.text).toContain("open objects only");
    const limited = await generate((spec) =>
      spec.setIn(
        ["components", "schemas", "ListInvoicesResponse", "properties", "invoices", "maxItems"],
        5,
      ),
    );
    expect(limited.ok).toBe(false);
    expect(limited.text).toContain('invoices: the client cannot check "maxItems"');
  });

  test("a header parameter, which the client does not send", async () => {
    const result = await generate((spec) =>
      spec.addIn([...LIST, "parameters"], {
        name: "x-trace",
        in: "header",
        schema: { type: "string" },
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.text).toContain("listInvoices: the client sends no header parameters");
  });
}, 60_000);
