#!/usr/bin/env node
// The published packages ship at one version. This check fails when
// their versions disagree, when one points at another with a range that
// misses that version, or when the changesets `fixed` group stops holding
// exactly them.
//
//   node scripts/check-versions.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const PUBLISHED_PACKAGES = [
  "@connect-payment/types",
  "@connect-payment/client",
  "@connect-payment/redirect",
  "@connect-payment/sandbox",
  "@connect-payment/oauth",
  "@connect-payment/oauth-redis",
];

const DEPENDENCY_FIELDS = [
  "dependencies",
  "peerDependencies",
  "optionalDependencies",
  "devDependencies",
];

/** Reads the manifests of the published packages and the changesets config from a checkout. */
export function loadReleaseFiles(root = join(import.meta.dirname, "..")) {
  const read = (path) => JSON.parse(readFileSync(join(root, path), "utf8"));
  const manifests = PUBLISHED_PACKAGES.map((name) =>
    read(`packages/${name.split("/")[1]}/package.json`),
  );
  return { manifests, changesetConfig: read(".changeset/config.json") };
}

/** Returns one sentence per problem; an empty list means the release is consistent. */
export function checkVersions({ manifests, changesetConfig }) {
  const problems = [];
  const byName = new Map(manifests.map((m) => [m.name, m]));
  for (const name of PUBLISHED_PACKAGES) {
    if (!byName.has(name)) problems.push(`${name}: manifest missing`);
  }

  const versions = [...new Set(manifests.map((m) => m.version))];
  if (versions.length > 1) {
    const listing = manifests.map((m) => `${m.name}@${m.version}`).join(", ");
    problems.push(`the published packages must share one version, found ${listing}`);
  }
  const shared = versions.length === 1 ? versions[0] : undefined;

  for (const manifest of manifests) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
        if (!PUBLISHED_PACKAGES.includes(dependency)) continue;
        const problem = checkInternalRange(range, shared ?? byName.get(dependency)?.version);
        if (problem)
          problems.push(`${manifest.name} ${field}.${dependency} "${range}": ${problem}`);
      }
    }
  }

  const groups = changesetConfig.fixed ?? [];
  const group = groups.find((g) => g.some((name) => PUBLISHED_PACKAGES.includes(name)));
  const sameMembers =
    group?.length === PUBLISHED_PACKAGES.length &&
    PUBLISHED_PACKAGES.every((name) => group.includes(name));
  if (!sameMembers) {
    problems.push(
      `.changeset/config.json "fixed" must hold one group of exactly ${PUBLISHED_PACKAGES.join(", ")}`,
    );
  }
  return problems;
}

/**
 * `workspace:^` (or `*`, `~`) always means "this workspace's version", which
 * pnpm writes as `^<version>` at publish. Any explicit range must name the
 * shared version itself, so they never drift apart on npm.
 */
function checkInternalRange(range, version) {
  if (/^workspace:[\^~*]?$/.test(range)) return null;
  const explicit = range.replace(/^workspace:/, "").replace(/^[\^~]/, "");
  if (version !== undefined && explicit !== version) return `must point at version ${version}`;
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = checkVersions(loadReleaseFiles());
  for (const problem of problems) console.error(`✘ ${problem}`);
  if (problems.length) process.exit(1);
  console.log(`The published packages share one version and one fixed group.`);
}
