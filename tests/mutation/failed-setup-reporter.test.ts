// The reporter that makes a test file's failed setup count under mutation
// testing: Vitest skips the tests of a file whose `beforeAll` (or import)
// throws, and Stryker's Vitest runner would read that as a run with nothing
// failed. Vitest runs real test files here and its JSON report is read back.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test, vi } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "failed-setup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Assertion {
  title: string;
  status: string;
  failureMessages: string[];
}
interface Report {
  testResults: { name: string; assertionResults: Assertion[] }[];
}

/** Runs the given test files with Vitest, the reporter first or not at all; gives each file's tests. */
function runVitest(files: Record<string, string>, withReporter: boolean) {
  const dir = mkdtempSync(join(scratch, "run-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const reporter = JSON.stringify(join(ROOT, "scripts", "failed-setup-reporter.mjs"));
  writeFileSync(
    join(dir, "vitest.config.mjs"),
    `import FailedSetupReporter from ${reporter};
export default { test: { globals: true, include: ["*.test.mjs"],
  reporters: [${withReporter ? "new FailedSetupReporter(), " : ""}"json"],
  outputFile: { json: "report.json" } } };`,
  );
  spawnSync(join(ROOT, "node_modules", ".bin", "vitest"), ["run", "--root", dir], {
    cwd: dir,
    encoding: "utf8",
  });
  const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report;
  return Object.fromEntries(
    report.testResults.map(({ name, assertionResults }) => [
      name.slice(dir.length + 1),
      assertionResults.map(({ title, status, failureMessages }) => ({
        title,
        status,
        failure: failureMessages.join("").split("\n")[0] ?? "",
      })),
    ]),
  );
}

const FILES = {
  "setup-throws.test.mjs":
    'beforeAll(() => { throw new Error("the sandbox did not start"); });\ntest("reads the record", () => expect(1).toBe(1));',
  "import-throws.test.mjs":
    'throw new Error("an empty time zone");\ntest("never collected", () => {});',
  "passes.test.mjs": 'test("adds up", () => expect(1 + 1).toBe(2));',
};

test("without it, a file whose setup fails reports nothing failed", () => {
  const files = runVitest(FILES, false);
  expect(files["setup-throws.test.mjs"]).toEqual([
    { title: "reads the record", status: "skipped", failure: "" },
  ]);
  expect(files["import-throws.test.mjs"] ?? []).toEqual([]);
});

test("with it, each such file gets one failed test carrying the file's own error", () => {
  const files = runVitest(FILES, true);
  const setupFailed = (message: string) => ({
    title: "(the file's setup failed)",
    status: "failed",
    failure: expect.stringContaining(message) as string,
  });
  expect(files["setup-throws.test.mjs"]).toEqual([
    { title: "reads the record", status: "skipped", failure: "" },
    setupFailed("the sandbox did not start"),
  ]);
  expect(files["import-throws.test.mjs"]).toEqual([setupFailed("an empty time zone")]);
  expect(files["passes.test.mjs"]).toEqual([{ title: "adds up", status: "passed", failure: "" }]);
});

test("the shared config adds it only inside Stryker's worker processes", async () => {
  const reporterNames = async () => {
    vi.resetModules();
    const { default: shared } = await import("../../vitest.shared.js");
    return (shared.test?.reporters as unknown[]).map((r) =>
      typeof r === "string" ? r : (r as object).constructor.name,
    );
  };
  vi.stubEnv("STRYKER_MUTATOR_WORKER", undefined);
  expect(await reporterNames()).toEqual(["default", "json"]);
  vi.stubEnv("STRYKER_MUTATOR_WORKER", "1");
  expect(await reporterNames()).toEqual(["default", "FailedSetupReporter"]);
  vi.unstubAllEnvs();
});
