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

/** The parts of a GitHub Actions workflow these tests read. */
interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  uses?: string;
  needs?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
}

describe("what the workflows promise", () => {
  const text = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
  /** A job of a workflow file; a missing one fails the test that reads it. */
  const job = (file: string, name: string): Job => {
    const workflow = parse(text(`.github/workflows/${file}`)) as { jobs: Record<string, Job> };
    const found = workflow.jobs[name];
    if (!found) throw new Error(`${file} has no job "${name}"`);
    return found;
  };
  // The pinned pnpm, written once in package.json; everything else follows it.
  const pnpm: string = JSON.parse(text("package.json")).packageManager;

  test("CI runs the README's test command on Node 20, 22 and 24", () => {
    const test = job("ci.yml", "test");
    expect(test.strategy?.matrix.node).toEqual([20, 22, 24]);
    const commands = test.steps.map((s) => s.run ?? "");
    const command = `npx --yes ${pnpm} install --frozen-lockfile && npx --yes ${pnpm} test:all`;
    expect(commands).toContain(command);
    expect(text("README.md")).toContain(command);
  });

  test("every pnpm version written for people (README, CONTRIBUTING, workflows) is packageManager's", () => {
    expect(pnpm).toMatch(/^pnpm@\d+\.\d+\.\d+$/);
    const files = [
      "README.md",
      "CONTRIBUTING.md",
      ".github/workflows/ci.yml",
      ".github/workflows/release.yml",
    ];
    for (const file of files) {
      for (const [found] of text(file).matchAll(/pnpm@\d+\.\d+\.\d+/g)) {
        expect(found, file).toBe(pnpm);
      }
    }
    // The release job installs pnpm from packageManager, not from a version of its own.
    const setup = job("release.yml", "release").steps.find((s) =>
      s.uses?.startsWith("pnpm/action-setup@"),
    );
    expect(setup?.with?.version).toBeUndefined();
  });

  test("release publishes through npm's trusted publishing: OIDC rights and npm 11.5.1 or newer", () => {
    const { steps } = job("release.yml", "release");
    expect(steps.map((s) => s.run ?? "")).toContain("npm install --global npm@^11.5.1");
  });

  test("release runs CI first, then changesets/action with provenance rights", () => {
    expect(job("release.yml", "ci").uses).toBe("./.github/workflows/ci.yml");
    const release = job("release.yml", "release");
    expect(release.needs).toBe("ci");
    expect(release.permissions?.["id-token"]).toBe("write");
    const step = release.steps.find((s) => s.uses?.startsWith("changesets/action@"));
    expect(step?.with).toMatchObject({ version: "pnpm version-packages", publish: "pnpm release" });
    expect(step?.env?.NPM_CONFIG_PROVENANCE).toBe("true");
  });
});
