// Which Markdown files of the repository are pages of the site, and at which
// route. The READMEs are the source: the site shows them, it does not copy them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the site's srcDir. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where a file that is not a page is shown instead (as in typedoc.json's source links). */
export const REPOSITORY_URL = "https://github.com/connect-payment/connect-payment-sdk";

export { GENERATED_PREFIXES } from "./generated-prefixes.mjs";

/** Top-level documents, and the route each one is shown at. */
const DOCUMENTS: Record<string, string> = {
  "README.md": "repository.md",
  "BENCHMARKS.md": "reference/benchmarks.md",
  "SECURITY.md": "reference/security-policy.md",
  "CONTRIBUTING.md": "reference/contributing.md",
};

export interface PackagePage {
  /** The package name from its package.json, e.g. `@connect-payment/client`. */
  name: string;
  /** Its folder, e.g. `packages/client`. */
  dir: string;
  /** The route of its README, e.g. `/packages/client`. */
  link: string;
}

/**
 * Every workspace folder under packages/ and examples/ with a README: each one
 * becomes a page and a sidebar entry by being there, so a new package needs
 * no change here.
 */
export function packagePages(): PackagePage[] {
  return ["packages", "examples"].flatMap((parent) =>
    readdirSync(join(ROOT, parent), { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(ROOT, parent, entry.name, "README.md")),
      )
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => {
        const dir = `${parent}/${entry.name}`;
        const manifest = join(ROOT, dir, "package.json");
        const name = existsSync(manifest)
          ? (JSON.parse(readFileSync(manifest, "utf8")) as { name: string }).name
          : entry.name;
        return { name, dir, link: `/${dir}` };
      }),
  );
}

/** Source file (relative to the root) → the page it becomes (VitePress `rewrites`). */
export function pageRewrites(): Record<string, string> {
  const rewrites: Record<string, string> = { ...DOCUMENTS };
  for (const { dir } of packagePages()) rewrites[`${dir}/README.md`] = `${dir}.md`;
  for (const file of markdownFiles(join(ROOT, "docs"))) {
    const path = toPosix(relative(ROOT, file));
    rewrites[path] = path.slice("docs/".length);
  }
  return rewrites;
}

/** Every other Markdown file of the repository stays off the site (VitePress `srcExclude`). */
export function excludedMarkdown(rewrites: Record<string, string>): string[] {
  return markdownFiles(ROOT)
    .map((file) => toPosix(relative(ROOT, file)))
    .filter((path) => !(path in rewrites));
}

function markdownFiles(dir: string): string[] {
  const skip = new Set(["node_modules", ".git", "dist", "docs-site", ".turbo", "cache"]);
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(path));
    else if (entry.name.endsWith(".md")) found.push(path);
  }
  return found;
}

export function toPosix(path: string): string {
  return path.split(sep).join("/");
}
