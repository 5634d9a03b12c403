// Follows every internal link of the built site over HTTP, from the start page
// on: every page, asset and anchor a link names must exist, and every file a
// page loads (scripts, stylesheets, preloads, images) must be served, as a
// browser would ask for them, without one.
const HREF = /<(a|link)\b([^>]*?)\shref="([^"]*)"([^>]*)>/g;
const SRC = /<(?:script|img|iframe|source)\b[^>]*?\ssrc="([^"]*)"/g;
const ID = /\s(?:id|name)="([^"]*)"/g;

export interface CrawlResult {
  /** Every HTML page reached, by path. */
  pages: string[];
  /** Each page's HTML, by path. */
  html: Map<string, string>;
  /** `from → to: why` for every link that does not resolve. */
  broken: string[];
}

export async function crawl(origin: string, start = "/"): Promise<CrawlResult> {
  const html = new Map<string, string>();
  const status = new Map<string, number>();
  const links: { from: string; to: URL }[] = [];
  const queue = [start];

  while (queue.length > 0) {
    const path = queue.shift()!;
    if (html.has(path)) continue;
    const response = await fetch(origin + path);
    status.set(path, response.status);
    const text = await response.text();
    html.set(path, text);
    if (!response.ok) continue;
    for (const [, tag, before, href, after] of text.matchAll(HREF)) {
      if (!href || href === "#") continue;
      // Redoc's menu links are routes of its own client-side router, not files.
      if (`${before}${after}`.includes("data-discover")) continue;
      const to = new URL(decodeEntities(href), origin + path);
      if (to.origin !== origin) continue;
      links.push({ from: path, to });
      if (tag === "a" && isHtml(to.pathname) && !html.has(to.pathname)) queue.push(to.pathname);
    }
    for (const [, src] of text.matchAll(SRC)) {
      if (!src || src.startsWith("data:")) continue;
      const to = new URL(decodeEntities(src), origin + path);
      if (to.origin === origin) links.push({ from: path, to });
    }
  }

  const broken: string[] = [];
  for (const { from, to } of links) {
    let code = status.get(to.pathname);
    if (code === undefined) {
      code = (await fetch(to.href, { method: "HEAD" })).status;
      status.set(to.pathname, code);
    }
    if (code !== 200) {
      broken.push(`${from} → ${to.pathname}: HTTP ${code}`);
      continue;
    }
    const anchor = decodeURIComponent(to.hash.slice(1));
    const target = html.get(to.pathname);
    if (anchor && target !== undefined && !idsOf(target).has(anchor)) {
      broken.push(`${from} → ${to.pathname}${to.hash}: no such anchor`);
    }
  }
  const pages = [...html.keys()].filter((path) => status.get(path) === 200);
  return { pages, html, broken: [...new Set(broken)] };
}

function isHtml(pathname: string): boolean {
  return pathname.endsWith("/") || pathname.endsWith(".html");
}

function idsOf(page: string): Set<string> {
  return new Set([...page.matchAll(ID)].map(([, id]) => decodeEntities(id!)));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}
