// A real `changeset version` run on a copy of the release files: a changeset
// that bumps only the client moves every published package to one new version and
// writes each CHANGELOG.md.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import {
  checkVersions,
  loadReleaseFiles,
  PUBLISHED_PACKAGES,
} from "../../scripts/check-versions.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const changesetBin = createRequire(join(root, "package.json")).resolve("@changesets/cli/bin.js");
const PACKAGE_DIRS = PUBLISHED_PACKAGES.map((name) => name.split("/")[1]!);

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** Copies just what `changeset version` reads into a fresh folder. */
function copyReleaseFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), "changeset-version-"));
  for (const file of [".changeset/config.json", "package.json", "pnpm-workspace.yaml"]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  for (const name of PACKAGE_DIRS) {
    mkdirSync(join(dir, "packages", name), { recursive: true });
    cpSync(
      join(root, "packages", name, "package.json"),
      join(dir, "packages", name, "package.json"),
    );
  }
  return dir;
}

function addChangeset(dir: string, name: string, text: string) {
  writeFileSync(join(dir, ".changeset", `${name}.md`), text);
}

function changesetVersion(dir: string) {
  const run = spawnSync(process.execPath, [changesetBin, "version"], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}

/** The fields of a package.json these tests read and change. */
interface Manifest {
  version: string;
  dependencies: Record<string, string>;
}
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Manifest;

describe("changeset version with the fixed group", () => {
  test("a minor change to the client alone moves them all to one new version", () => {
    const dir = (scratch = copyReleaseFiles());
    const before = loadReleaseFiles(dir).manifests[0]!.version;
    addChangeset(
      dir,
      "client-only",
      '---\n"@connect-payment/client": minor\n---\n\nA new option.\n',
    );

    changesetVersion(dir);

    const after = loadReleaseFiles(dir);
    const versions = after.manifests.map((m) => m.version);
    expect(after.manifests.map((m) => m.name)).toContain("@connect-payment/sandbox");
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).not.toBe(before);
    expect(versions[0]).toBe(bumpMinor(before));
    expect(checkVersions(after)).toEqual([]);

    for (const name of PACKAGE_DIRS) {
      const changelog = readFileSync(join(dir, "packages", name, "CHANGELOG.md"), "utf8");
      expect(changelog).toContain(`# @connect-payment/${name}`);
      expect(changelog).toContain(`## ${versions[0]}`);
    }
    const clientLog = readFileSync(join(dir, "packages/client/CHANGELOG.md"), "utf8");
    expect(clientLog).toContain("A new option.");
    expect(clientLog).toContain(`@connect-payment/types@${versions[0]}`);
    // The workspace range stays: pnpm writes it as ^<version> at publish (the
    // registry test checks what lands on the registry).
    expect(readJson(join(dir, "packages/client/package.json")).dependencies).toMatchObject({
      "@connect-payment/types": "workspace:^",
    });
  });

  test("an explicit internal range is moved to the new version", () => {
    const dir = (scratch = copyReleaseFiles());
    const clientPath = join(dir, "packages/client/package.json");
    const client = readJson(clientPath);
    client.dependencies["@connect-payment/types"] = `workspace:^${client.version}`;
    writeFileSync(clientPath, JSON.stringify(client, null, 2));
    addChangeset(dir, "types-fix", '---\n"@connect-payment/types": patch\n---\n\nA fix.\n');

    changesetVersion(dir);

    const after = readJson(clientPath);
    expect(after.version).toBe(bumpPatch(client.version));
    expect(after.dependencies["@connect-payment/types"]).toBe(`workspace:^${after.version}`);
    expect(checkVersions(loadReleaseFiles(dir))).toEqual([]);
  });
});

function bumpMinor(version: string) {
  const [major, minor] = version.split(".").map(Number);
  return `${major}.${minor! + 1}.0`;
}

function bumpPatch(version: string) {
  const [major, minor, patch] = version.split(/[.-]/).map(Number);
  return `${major}.${minor}.${patch! + 1}`;
}
