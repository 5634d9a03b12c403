#!/usr/bin/env node
// Builds the documentation site into docs-site/ (gitignored):
//
//   pnpm run docs   (plain `pnpm docs` is pnpm's own command that opens a package page)
//
//   docs-site/                  the site (VitePress, docs/.vitepress/config.mts): the
//                               guides in docs/ and the READMEs, with local search
//   docs-site/api/              the API reference, pages of the same site: TypeDoc
//                               over the public entry points (typedoc.json) writes
//                               them as Markdown to docs/api/ (gitignored) with its
//                               sidebar, and VitePress renders them; an export
//                               without a TSDoc comment fails the build
//   docs-site/spec/index.html   the HTML reference of openapi/connect-payment.yaml
//                               (Redocly build-docs), with its script served from
//                               the same folder so nothing is fetched from a CDN
//
// TypeDoc goes first, as VitePress renders its pages; VitePress then empties
// docs-site/ before the spec reference is written into it. Every step runs
// even when one before it fails, so one run shows every problem. Needs no network.
// Exits 1 when any build fails. tests/docs-site/ runs it and opens every page
// in Chromium.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as td from "typedoc";
import { withoutToolBanners } from "./tool-banners.mjs";
import { linkSourcesToRepository, nameModulesByImportPath } from "./typedoc-repository.mjs";

const root = join(import.meta.dirname, "..");
const site = join(root, "docs-site");
const bin = (name) => join(root, "node_modules", ".bin", name);
const apiPages = join(root, "docs", "api");
const ICON = `data:image/svg+xml,${encodeURIComponent(
  readFileSync(join(root, "docs", ".vitepress", "icon.svg"), "utf8").trim(),
)}`;
// How TypeDoc words the warning for an export without a comment.
const UNDOCUMENTED = /^(.+?) \((\w+)\), defined in (.+?), does not have any documentation$/;

rmSync(site, { recursive: true, force: true });
rmSync(apiPages, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

const results = [
  await timed("API reference (TypeDoc → Markdown)", buildApiReference),
  await timed("site and API reference (VitePress)", buildSite),
  await timed("spec reference (Redocly)", buildSpecReference),
];

console.log("\n──────── docs ────────");
for (const { name, ok, seconds } of results) {
  console.log(`${ok ? "✔" : "✘"} ${name} (${seconds.toFixed(1)} s)`);
}
const ok = results.every((r) => r.ok);
console.log(ok ? `Docs built in ${relative(site)}/` : "FAIL: the docs did not build");
process.exit(ok ? 0 : 1);

async function buildSite() {
  // Imported here so that TypeDoc and Redoc still build when VitePress cannot load.
  const { build } = await import("vitepress");
  try {
    await build(join(root, "docs"));
  } catch (error) {
    console.error(error);
    return false;
  }
  return existsSync(join(site, "index.html"));
}

async function buildApiReference() {
  const app = await td.Application.bootstrapWithPlugins({ options: join(root, "typedoc.json") }, [
    new td.TypeDocReader(),
    new td.TSConfigReader(),
  ]);
  // Every package with an entry point must document its exports: adding a
  // package to the reference is one line in typedoc.json.
  app.options.setValue(
    "packagesRequiringDocumentation",
    packagesOf(app.options.getValue("entryPoints")),
  );
  const warnings = [];
  const warn = app.logger.validationWarning.bind(app.logger);
  app.logger.validationWarning = (message, ...rest) => {
    if (isGeneratedMember(message)) return;
    warnings.push(message);
    return warn(message, ...rest);
  };
  app.converter.on(td.Converter.EVENT_RESOLVE_BEGIN, (context) =>
    nameModulesByImportPath(context.project, root),
  );
  const strict = app.options.getValue("treatWarningsAsErrors");
  const failed = () => app.logger.hasErrors() || (strict && app.logger.hasWarnings());
  if (failed()) return false;
  const project = await app.convert();
  if (!project || failed()) return false;
  linkSourcesToRepository(
    project,
    root,
    app.options.getValue("sourceLinkTemplate"),
    app.options.getValue("gitRevision"),
  );
  app.validate(project);
  listUndocumented(warnings);
  if (failed()) return false;
  await app.generateOutputs(project);
  return !failed() && existsSync(join(apiPages, "index.md"));
}

/**
 * Members nested inside a generated declaration (the `paths` tree that
 * openapi-typescript writes, the fields of a generated constant) carry what
 * the spec says and cannot take a hand-written comment; the declarations
 * themselves still must have one.
 */
function isGeneratedMember(message) {
  const [, name, , where] = String(message).match(UNDOCUMENTED) ?? [];
  if (!where?.includes("/generated/")) return false;
  const withoutModule = name.replace(/^@connect-payment\/[\w-]+\./, "");
  return withoutModule.includes(".");
}

/** Lists the undocumented exports together: each needs its own comment. */
function listUndocumented(warnings) {
  const undocumented = warnings
    .map((w) => String(w).match(UNDOCUMENTED))
    .filter(Boolean)
    .map(([, name, kind, where]) => `  ${name} (${kind}) in ${where}`);
  if (undocumented.length === 0) return;
  console.error(`\n${undocumented.length} exported declarations have no TSDoc comment:`);
  console.error(undocumented.join("\n"));
  console.error("Give each a /** … */ comment: what it is, and when you would use it.\n");
}

function buildSpecReference() {
  const output = join(site, "spec", "index.html");
  const run = spawnSync(
    bin("redocly"),
    ["build-docs", "openapi/connect-payment.yaml", "--output", output],
    {
      cwd: root,
      // Its notices come on stderr, in boxes: shown without the ones that
      // are about the tool, not this build (tool-banners.mjs says which).
      stdio: ["ignore", "inherit", "pipe"],
      encoding: "utf8",
      // No usage reports and no update checks: the build must work offline.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  const notices = withoutToolBanners(run.stderr ?? "").trim();
  if (notices) console.error(notices);
  if (run.status !== 0 || !existsSync(output)) return false;
  serveRedocLocally(output);
  const html = readFileSync(output, "utf8");
  writeFileSync(output, html.replace("</head>", `<link rel="icon" href="${ICON}" />\n</head>`));
  return true;
}

/**
 * The page is prerendered, and loads Redoc from a CDN only to make it
 * interactive. Redocly ships the same file (same subresource hash), so serve
 * that copy beside the page instead.
 */
function serveRedocLocally(page) {
  const local = join(
    root,
    "node_modules",
    "@redocly",
    "cli",
    "lib",
    "chunks",
    "redoc.standalone.js",
  );
  const html = readFileSync(page, "utf8");
  const cdnUrl = html.match(/https:\/\/cdn\.redocly\.com\/[^"]+\/redoc\.standalone\.js/)?.[0];
  if (!cdnUrl || !existsSync(local)) {
    console.warn("Note: the spec reference loads Redoc from its CDN to become interactive.");
    return;
  }
  const script = withoutCdnLogo(readFileSync(local, "utf8"));
  writeFileSync(join(page, "..", "redoc.standalone.js"), script);
  // The page pins the script's hash (subresource integrity): pin the local copy's.
  const integrity = `sha384-${createHash("sha384").update(script).digest("base64")}`;
  writeFileSync(
    page,
    withoutCdnLogo(html.replaceAll(cdnUrl, "./redoc.standalone.js")).replace(
      /((?:src|href)="\.\/redoc\.standalone\.js"[^>]*?integrity=")[^"]*/g,
      `$1${integrity}`,
    ),
  );
}

/**
 * Redoc's "API docs by Redocly" badge loads its logo from a CDN; offline that
 * is a failed request on every visit. The badge keeps its text and link, with
 * the name drawn locally instead.
 */
function withoutCdnLogo(text) {
  const logo =
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='56' height='16'%3E" +
    "%3Ctext x='0' y='12' font-family='sans-serif' font-size='12'%3ERedocly%3C/text%3E%3C/svg%3E";
  return text.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, logo);
}

/** The package name of each entry point's nearest package.json. */
function packagesOf(entryPoints) {
  return entryPoints.map((entry) => {
    for (let dir = dirname(resolve(root, entry)); dir.startsWith(root); dir = dirname(dir)) {
      const manifest = join(dir, "package.json");
      if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).name;
    }
    throw new Error(`typedoc.json: no package.json above ${entry}`);
  });
}

async function timed(name, build) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const ok = await build();
  return { name, ok, seconds: (Date.now() - started) / 1000 };
}

function relative(path) {
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}
