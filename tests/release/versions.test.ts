// The published packages ship at one version: the check that CI runs on
// the real manifests, and proof that it catches a package bumped alone.
import { describe, expect, test } from "vitest";
import {
  checkVersions,
  loadReleaseFiles,
  PUBLISHED_PACKAGES,
  type ReleaseFiles,
} from "../../scripts/check-versions.mjs";

const real = loadReleaseFiles();

/** A deep copy, so a test can change one manifest without touching the others. */
const copy = (files: ReleaseFiles): ReleaseFiles => structuredClone(files);
const manifest = (files: ReleaseFiles, name: string) => {
  const found = files.manifests.find((m) => m.name === name);
  if (!found) throw new Error(`no manifest for ${name}`);
  return found;
};

describe("the repository as committed", () => {
  test("the published packages share one version, and internal ranges and the fixed group agree", () => {
    expect(real.manifests.map((m) => m.name)).toEqual([...PUBLISHED_PACKAGES]);
    expect(checkVersions(real)).toEqual([]);
  });

  test("the changesets fixed group holds exactly the published packages, the sandbox included", () => {
    expect(PUBLISHED_PACKAGES).toContain("@connect-payment/sandbox");
    expect(real.changesetConfig.fixed).toHaveLength(1);
    expect([...(real.changesetConfig.fixed?.[0] ?? [])].sort()).toEqual(
      [...PUBLISHED_PACKAGES].sort(),
    );
  });

  test("the client depends on the types package inside the workspace", () => {
    const client = manifest(real, "@connect-payment/client");
    expect(client.dependencies).toMatchObject({ "@connect-payment/types": "workspace:^" });
  });
});

describe("what the check rejects", () => {
  test("bumping one package alone fails, naming every version", () => {
    const files = copy(real);
    const client = manifest(files, "@connect-payment/client");
    const version = client.version;
    client.version = "9.9.9";
    const problems = checkVersions(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("@connect-payment/client@9.9.9");
    expect(problems[0]).toContain(`@connect-payment/types@${version}`);
  });

  test("an explicit internal range that misses the shared version fails", () => {
    const files = copy(real);
    const client = manifest(files, "@connect-payment/client");
    client.dependencies = {
      ...(client.dependencies as object),
      "@connect-payment/types": "^0.0.1-old",
    };
    const problems = checkVersions(files);
    expect(problems).toEqual([
      expect.stringMatching(
        /@connect-payment\/client dependencies\.@connect-payment\/types .*must point at version/,
      ),
    ]);
  });

  test("an explicit internal range naming the shared version passes", () => {
    const files = copy(real);
    const client = manifest(files, "@connect-payment/client");
    client.dependencies = {
      ...(client.dependencies as object),
      "@connect-payment/types": `workspace:^${client.version}`,
    };
    expect(checkVersions(files)).toEqual([]);
  });

  test("a fixed group missing a package fails", () => {
    const files = copy(real);
    files.changesetConfig.fixed = [["@connect-payment/types", "@connect-payment/client"]];
    expect(checkVersions(files)).toEqual([expect.stringContaining('"fixed" must hold one group')]);
  });

  test("a missing manifest fails", () => {
    const files = copy(real);
    files.manifests = files.manifests.filter((m) => m.name !== "@connect-payment/redirect");
    expect(checkVersions(files)).toContain("@connect-payment/redirect: manifest missing");
  });
});
