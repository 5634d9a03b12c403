#!/usr/bin/env node
// Builds the documentation site into docs-site/ (gitignored):
//
//   pnpm run docs   (plain `pnpm docs` is pnpm's own command that opens a package page)
//
//   docs-site/index.html        a landing page linking the two references
//   docs-site/api/              the API reference, TypeDoc over the public entry
//                               points (typedoc.json); an export without a TSDoc
//                               comment fails the build
//   docs-site/spec/index.html   the HTML reference of openapi/connect-payment.yaml
//                               (Redocly build-docs), with its script served from
//                               the same folder so nothing is fetched from a CDN
//
// Both builds run even when the first fails, so one run shows every problem.
// Needs no network. Exits 1 when either build fails.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as td from "typedoc";

const root = join(import.meta.dirname, "..");
const site = join(root, "docs-site");
const bin = (name) => join(root, "node_modules", ".bin", name);
// How TypeDoc words the warning for an export without a comment.
const UNDOCUMENTED = /^(.+?) \((\w+)\), defined in (.+?), does not have any documentation$/;

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

const results = [
  await timed("API reference (TypeDoc)", buildApiReference),
  await timed("spec reference (Redocly)", buildSpecReference),
];
writeFileSync(join(site, "index.html"), landingPage());

console.log("\n──────── docs ────────");
for (const { name, ok, seconds } of results) {
  console.log(`${ok ? "✔" : "✘"} ${name} (${seconds.toFixed(1)} s)`);
}
const ok = results.every((r) => r.ok);
console.log(ok ? `Docs built in ${relative(site)}/` : "FAIL: the docs did not build");
process.exit(ok ? 0 : 1);

async function buildApiReference() {
  const app = await td.Application.bootstrapWithPlugins({ options: join(root, "typedoc.json") }, [
    new td.TypeDocReader(),
    new td.TSConfigReader(),
  ]);
  const warnings = [];
  const warn = app.logger.validationWarning.bind(app.logger);
  app.logger.validationWarning = (message, ...rest) => {
    if (isGeneratedMember(message)) return;
    warnings.push(message);
    return warn(message, ...rest);
  };
  app.converter.on(td.Converter.EVENT_RESOLVE_BEGIN, nameModulesByPackage);

  const strict = app.options.getValue("treatWarningsAsErrors");
  const failed = () => app.logger.hasErrors() || (strict && app.logger.hasWarnings());
  if (failed()) return false;
  const project = await app.convert();
  if (!project || failed()) return false;
  app.validate(project);
  listUndocumented(warnings);
  if (failed()) return false;
  await app.generateOutputs(project);
  return !failed() && existsSync(join(site, "api", "index.html"));
}

/** TypeDoc names a module by its path ("packages/client/src"); readers look for the package name. */
function nameModulesByPackage(context) {
  for (const module of context.project.getReflectionsByKind(td.ReflectionKind.Module)) {
    for (const dir of [module.name, join(module.name, "..")]) {
      const manifest = join(root, dir, "package.json");
      if (existsSync(manifest)) {
        module.name = JSON.parse(readFileSync(manifest, "utf8")).name;
        break;
      }
    }
  }
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
      stdio: "inherit",
      // No usage reports and no update checks: the build must work offline.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  if (run.status !== 0 || !existsSync(output)) return false;
  serveRedocLocally(output);
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
  copyFileSync(local, join(page, "..", "redoc.standalone.js"));
  writeFileSync(page, html.replaceAll(cdnUrl, "./redoc.standalone.js"));
}

function landingPage() {
  const pkg = JSON.parse(readFileSync(join(root, "packages", "types", "package.json"), "utf8"));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Connect payment SDK: documentation</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
      li { margin: 0.75rem 0; }
    </style>
  </head>
  <body>
    <h1>Connect payment SDK</h1>
    <p>A TypeScript SDK for the Pay invoice endpoint of the Connect/ConnectID API.</p>
    <ul>
      <li><a href="api/index.html">API reference</a>: every export of
        <code>@connect-payment/types</code>, <code>@connect-payment/client</code>,
        <code>@connect-payment/redirect</code> and <code>@connect-payment/oauth</code>.</li>
      <li><a href="spec/index.html">HTTP API reference</a>: the OpenAPI spec
        (version ${escapeHtml(pkg.openapi?.version ?? "unknown")}) the types are generated from.</li>
    </ul>
  </body>
</html>
`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
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
