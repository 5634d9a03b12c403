// Each published manifest carries what npm users and tools look for. publint
// and attw check the packed result in each package's lint; this names the
// project's own rules, so a missing field fails with its package and rule.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { PUBLISHED_PACKAGES } from "../../scripts/check-versions.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

type Conditions = string | { [condition: string]: Conditions };

/** The workspace packages never published (`"private": true`): code they hold is bundled in. */
const PRIVATE_PACKAGES = readdirSync(join(ROOT, "packages"), { withFileTypes: true })
  .filter((entry) => existsSync(join(ROOT, "packages", entry.name, "package.json")))
  .map(
    (entry) =>
      JSON.parse(readFileSync(join(ROOT, "packages", entry.name, "package.json"), "utf8")) as {
        name: string;
        private?: boolean;
      },
  )
  .filter((manifest) => manifest.private === true)
  .map((manifest) => manifest.name);

/** Every file below a folder, for the scan of built code. */
const filesBelow = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(join(folder, entry.name)) : [join(folder, entry.name)],
  );

test("the shared private package is private, and so never published", () => {
  expect(PRIVATE_PACKAGES).toContain("@connect-payment/internal");
});

/** Every condition object in an `exports` tree, with its path, for the "types first" rule. */
function conditionObjects(node: Conditions, path = "exports"): [string, string[]][] {
  if (typeof node === "string") return [];
  const keys = Object.keys(node);
  const own: [string, string[]][] = keys.some((k) => !k.startsWith(".")) ? [[path, keys]] : [];
  return [...own, ...keys.flatMap((k) => conditionObjects(node[k]!, `${path}["${k}"]`))];
}

describe.each(PUBLISHED_PACKAGES.map((name) => [name, name.split("/")[1]!]))("%s", (name, dir) => {
  const folder = join(ROOT, "packages", dir);
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));

  test("names, describes and licenses itself, with a LICENSE file", () => {
    expect(manifest.name).toBe(name);
    expect(manifest.description).toMatch(/\w{3,}/);
    expect(manifest.license).toBe("MIT");
    expect(existsSync(join(folder, "LICENSE"))).toBe(true);
    expect(manifest.keywords?.length).toBeGreaterThan(2);
  });

  test("points at its folder in the repository", () => {
    expect(manifest.repository).toMatchObject({ type: "git", directory: `packages/${dir}` });
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/.+\.git$/);
  });

  test("is side-effect free and states the Node versions it supports", () => {
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.engines?.node).toBe(">=20");
  });

  test("ships built code, types, README, LICENSE and CHANGELOG, never sources or tests", () => {
    expect(manifest.files).toEqual(
      expect.arrayContaining(["README.md", "LICENSE", "CHANGELOG.md"]),
    );
    const development = (manifest.files as string[]).filter((f) =>
      /^(src|test|tests)\b|tsconfig|\.ts$(?<!\.d\.ts)/.test(f),
    );
    expect(development).toEqual([]);
  });

  test("exports list the types condition first everywhere", () => {
    const objects = conditionObjects(manifest.exports as Conditions);
    expect(objects.length).toBeGreaterThan(0);
    for (const [path, keys] of objects) {
      if (keys.includes("types")) expect(keys[0], path).toBe("types");
    }
  });

  test("an install fetches no private workspace package: none among its dependencies", () => {
    const named = ["dependencies", "peerDependencies", "optionalDependencies"].flatMap((field) =>
      Object.keys((manifest[field] ?? {}) as Record<string, string>),
    );
    expect(named.filter((name) => PRIVATE_PACKAGES.includes(name))).toEqual([]);
  });

  test("its built code names no private workspace package (tsup bundles it in)", () => {
    const dist = join(folder, "dist");
    const files = existsSync(dist) ? filesBelow(dist) : [];
    // The types package ships declarations only; every other one must be built to be checked.
    if (dir !== "types") expect(files.length).toBeGreaterThan(0);
    const naming = files.filter((file) => {
      const text = readFileSync(file, "utf8");
      return PRIVATE_PACKAGES.some((name) => text.includes(name));
    });
    expect(naming).toEqual([]);
  });

  test("publishes publicly with provenance", () => {
    expect(manifest.publishConfig).toEqual({ access: "public", provenance: true });
  });

  if (dir === "sandbox") {
    test("says it is a test double, runs as a command, and keeps msw optional", () => {
      expect(manifest.private).toBeUndefined();
      expect(manifest.description).toMatch(/^A test double\b.*not the provider/);
      expect(manifest.bin).toEqual({
        "connect-payment-sandbox": "./bin/connect-payment-sandbox.js",
      });
      expect(manifest.peerDependencies).toEqual({ msw: "^2" });
      expect(manifest.peerDependenciesMeta).toEqual({ msw: { optional: true } });
      expect(manifest.dependencies.msw).toBeUndefined();
      expect(Object.keys(manifest.exports as Conditions)).toEqual([".", "./msw", "./package.json"]);
    });
  }

  if (dir !== "types") {
    test("ships JavaScript as both ESM and CJS, each with its own types", () => {
      expect(manifest.exports["."]).toEqual({
        import: {
          types: expect.stringMatching(/\.d\.ts$/),
          default: expect.stringMatching(/\.js$/),
        },
        require: {
          types: expect.stringMatching(/\.d\.cts$/),
          default: expect.stringMatching(/\.cjs$/),
        },
      });
    });
  } else {
    test("ships types only: no JavaScript entry", () => {
      expect(JSON.stringify(manifest.exports)).not.toMatch(/\.(c|m)?js"/);
      expect(manifest.main).toBeUndefined();
    });
  }
});
