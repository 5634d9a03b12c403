// Finds the TypeScript code blocks of a Markdown file, with where they start,
// so a failing example can be reported as README.md:42.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** What the info string after ```ts asks for. */
export type BlockMode = "check" | "run" | "nocheck";

export interface CodeBlock {
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** The 1-based line of the opening fence. */
  line: number;
  mode: BlockMode;
  code: string;
}

const TYPESCRIPT = new Set(["ts", "typescript", "mts", "cts"]);

/**
 * Every fenced ```ts block of `markdown`. The words after the language pick
 * the mode: ```ts is type-checked, ```ts run is also executed, ```ts nocheck
 * is a fragment left out (counted and reported).
 */
export function extractBlocks(markdown: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  let open: { fence: string; line: number; info: string[]; body: string[] } | undefined;

  lines.forEach((text, index) => {
    if (open) {
      if (closes(text, open.fence)) {
        const [language, ...words] = open.info;
        if (language && TYPESCRIPT.has(language.toLowerCase())) {
          blocks.push({ file, line: open.line, mode: modeOf(words), code: open.body.join("\n") });
        }
        open = undefined;
      } else {
        open.body.push(text);
      }
      return;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text);
    if (fence) {
      open = {
        fence: fence[1]!,
        line: index + 1,
        info: fence[2]!.trim().split(/\s+/).filter(Boolean),
        body: [],
      };
    }
  });
  return blocks;
}

/** A closing fence: the opening's character, at least as many, nothing after. */
function closes(text: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
  return !!match && match[1]!.startsWith(fence.charAt(0)) && match[1]!.length >= fence.length;
}

function modeOf(words: string[]): BlockMode {
  if (words.includes("nocheck")) return "nocheck";
  if (words.includes("run")) return "run";
  return "check";
}

/**
 * The Markdown whose examples must compile: the root README, each package's
 * and each example's README, and every page of the documentation site (docs/).
 */
export function findMarkdown(root: string): string[] {
  return [...findReadmes(root), ...findSitePages(root)];
}

/**
 * The site's own pages (docs/**\/*.md); the READMEs it shows are checked as
 * READMEs. The API reference's pages (docs/api/, written by `pnpm run docs`)
 * are left out: their code is signatures, and their examples are the doc
 * comments' @example blocks, checked by doc-comment-examples.test.ts.
 */
export function findSitePages(root: string): string[] {
  const docs = join(root, "docs");
  if (!existsSync(docs)) return [];
  return readdirSync(docs, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".md") && !path.split(/[\\/]/).includes("node_modules"))
    .filter((path) => path.split(/[\\/]/)[0] !== "api")
    .sort()
    .map((path) => relative(root, join(docs, path)));
}

/** The READMEs whose examples must compile: the root's, each package's and each example's. */
export function findReadmes(root: string): string[] {
  const found = [join(root, "README.md")];
  for (const parent of ["packages", "examples"]) {
    const dir = join(root, parent);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.isDirectory()) found.push(join(dir, entry.name, "README.md"));
    }
  }
  return found.filter((path) => existsSync(path)).map((path) => relative(root, path));
}

/** The code blocks of every README and site page under `root`. */
export function collectReadmeBlocks(root: string): CodeBlock[] {
  return findMarkdown(root).flatMap((file) =>
    extractBlocks(readFileSync(join(root, file), "utf8"), file),
  );
}
