// Links written for GitHub keep working on the site: a relative link to a
// README or document that is a page goes to that page; a link to any other
// file of the repository (source, a folder, a test) goes to it on GitHub; a
// link into the generated references (TypeDoc, Redoc) loads the whole page
// rather than the site's client-side router.
import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { MarkdownRenderer } from "vitepress";
import { GENERATED_PREFIXES, REPOSITORY_URL, ROOT, toPosix } from "./pages.mjs";
import { splitHash } from "./sections.mjs";

interface Env {
  path?: string;
  realPath?: string;
}

export function repositoryLinks(md: MarkdownRenderer, rewrites: Record<string, string>): void {
  md.core.ruler.push("repository_links", (state) => {
    const env = state.env as Env;
    const page = env.realPath ?? env.path;
    if (!page) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== "link_open") continue;
        const href = token.attrGet("href");
        if (!href) continue;
        if (GENERATED_PREFIXES.some((prefix) => href.startsWith(prefix))) {
          token.attrSet("target", "_self");
          continue;
        }
        const mapped = mapRelative(href, page, rewrites);
        if (mapped) token.attrSet("href", mapped);
      }
    }
  });
}

function mapRelative(href: string, page: string, rewrites: Record<string, string>) {
  if (/^([a-z][\w+.-]*:|\/|#)/i.test(href)) return undefined;
  const [path, hash] = splitHash(href);
  let absolute = resolve(dirname(page), decodeURIComponent(path));
  if (!existsSync(absolute)) return undefined; // a dead link: VitePress reports it
  const isDirectory = statSync(absolute).isDirectory();
  if (isDirectory && existsSync(resolve(absolute, "README.md"))) {
    const readme = toPosix(relative(ROOT, resolve(absolute, "README.md")));
    if (readme in rewrites) absolute = resolve(absolute, "README.md");
  }
  const file = toPosix(relative(ROOT, absolute));
  const route = rewrites[file];
  if (route) return `/${route}${hash}`;
  const kind = statSync(absolute).isDirectory() ? "tree" : "blob";
  return `${REPOSITORY_URL}/${kind}/main/${file}${hash}`;
}
