// The API reference names each module by its import path and links each
// declaration to its file in the repository: converted here by TypeDoc with
// the site's own options (typedoc.json) and the same two steps the docs
// build applies (scripts/typedoc-repository.mjs).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as td from "typedoc";
import { beforeAll, describe, expect, test } from "vitest";
import {
  importPathOf,
  linkSourcesToRepository,
  nameModulesByImportPath,
} from "../../scripts/typedoc-repository.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const tracked = new Set(
  execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0"),
);
let project: td.ProjectReflection;
/** Declarations and signatures carry sources; other reflections have none. */
const sourcesOf = (reflection: td.Reflection): td.SourceReference[] =>
  reflection instanceof td.DeclarationReflection || reflection instanceof td.SignatureReflection
    ? (reflection.sources ?? [])
    : [];
let template: string;

beforeAll(async () => {
  const app = await td.Application.bootstrapWithPlugins(
    { options: join(ROOT, "typedoc.json"), logLevel: "Error" },
    [new td.TypeDocReader(), new td.TSConfigReader()],
  );
  app.converter.on(td.Converter.EVENT_RESOLVE_BEGIN, (context) =>
    nameModulesByImportPath(context.project, ROOT),
  );
  const converted = await app.convert();
  if (!converted) throw new Error("TypeDoc could not convert the entry points");
  project = converted;
  template = app.options.getValue("sourceLinkTemplate");
  linkSourcesToRepository(project, ROOT, template, app.options.getValue("gitRevision"));
}, 120_000);

describe("the API reference's modules and source links", () => {
  test("modules are named by the import path a user writes", () => {
    const names = project.getReflectionsByKind(td.ReflectionKind.Module).map((m) => m.name);
    const manifest = (dir: string) =>
      (
        JSON.parse(readFileSync(join(ROOT, "packages", dir, "package.json"), "utf8")) as {
          name: string;
        }
      ).name;
    expect(names.sort()).toEqual(
      [
        manifest("client"),
        `${manifest("client")}/raw`,
        manifest("oauth"),
        manifest("oauth-redis"),
        manifest("redirect"),
        manifest("sandbox"),
        `${manifest("sandbox")}/msw`,
        manifest("types"),
      ].sort(),
    );
  });

  test("importPathOf maps entry files to their package or subpath export", () => {
    expect(importPathOf(ROOT, "packages/client/src")).toBe("@connect-payment/client");
    expect(importPathOf(ROOT, "packages/client/src/raw")).toBe("@connect-payment/client/raw");
    expect(importPathOf(ROOT, "packages/types")).toBe("@connect-payment/types");
    expect(importPathOf(ROOT, "packages/sandbox/src/msw")).toBe("@connect-payment/sandbox/msw");
    // A file that no package exports by that name keeps TypeDoc's name.
    expect(importPathOf(ROOT, "packages/client/src/errors")).toBeUndefined();
  });

  test("every source link points at a file of the repository, from its root", () => {
    const prefix = template.slice(0, template.indexOf("{path}")).replace("{gitRevision}", "main");
    const links = Object.values(project.reflections).flatMap((r) =>
      sourcesOf(r).flatMap((source) => (source.url ? [source.url] : [])),
    );
    expect(links.length).toBeGreaterThan(50);
    const broken = links
      .map((url) => ({ url, path: url.slice(prefix.length).replace(/#L\d+$/, "") }))
      .filter(({ url, path }) => !url.startsWith(prefix) || !tracked.has(path));
    expect(broken).toEqual([]);
    expect(links.some((url) => url.includes("/blob/main/packages/client/src/"))).toBe(true);
  });

  test("declarations from outside the repository get no link", () => {
    const outside = Object.values(project.reflections).flatMap((r) =>
      sourcesOf(r).filter((source) => source.fullFileName.includes("node_modules")),
    );
    expect(outside.length).toBeGreaterThan(0); // inherited from Error, for one
    expect(outside.filter((source) => source.url !== undefined)).toEqual([]);
  });
});
