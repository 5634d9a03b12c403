// `<!--@section: ../README.md#the-flow-->` shows one section of another
// Markdown file (a README) in a page: everything under that heading up to the
// next heading of the same or a higher level. Without `#heading`, the whole
// file but its title. The README stays the one source; the page adds only its
// framing. Relative links in the section are rebased so they still point where
// they did in the README.
//
// A section that does not exist fails the build, unless the directive ends in
// `optional` (a section another change is still writing): then the page shows
// a short note in its place, and the build lists it.
//
// VitePress's own `@include` takes line ranges or `#region` markers; a heading
// lets the README's authors edit their section without knowing about the site.
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { ROOT, toPosix } from "./pages.mjs";

/** A line of its own, outside code blocks (so a page can show the directive as an example). */
const DIRECTIVE = /^\s*<!--\s*@section:\s*([^#\s]+)(?:#([\w-]+))?(\s+optional)?\s*-->\s*$/;

const warned = new Set<string>();

export function expandSections(markdown: string, page: string): string {
  let fence: string | undefined;
  return markdown
    .split(/\r?\n/)
    .map((line) => {
      fence = fenceAfter(line, fence);
      const directive = fence ? undefined : DIRECTIVE.exec(line);
      return directive ? expand(page, directive[1]!, directive[2] ?? "", !!directive[3]) : line;
    })
    .join("\n");
}

/** The fence still open after `line` (``` or ~~~), given the one open before it. */
function fenceAfter(line: string, open: string | undefined): string | undefined {
  const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
  if (!mark) return open;
  if (!open) return mark;
  return mark.startsWith(open.charAt(0)) && mark.length >= open.length && line.trim() === mark
    ? undefined
    : open;
}

function expand(page: string, target: string, slug: string, optional: boolean): string {
  const source = resolve(dirname(page), target);
  const text = existsSync(source) ? readFileSync(source, "utf8") : undefined;
  const section =
    text === undefined ? undefined : slug ? findSection(text, slug) : withoutTitle(text);
  if (section === undefined) {
    const what = `${toPosix(relative(ROOT, source))}${slug ? `#${slug}` : ""}`;
    if (!optional)
      throw new Error(`${toPosix(relative(ROOT, page))} shows ${what}, which does not exist`);
    const note = `docs: ${toPosix(relative(ROOT, page))} shows ${what}, which is not written yet`;
    // The search index and both bundles render each page: say it once.
    if (!warned.has(note)) console.warn(note);
    warned.add(note);
    return [
      "::: info Not written yet",
      `This part will show \`${what}\`, which is being written.`,
      ":::",
    ].join("\n");
  }
  return rebaseLinks(section, dirname(source), dirname(page), source);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function withoutTitle(markdown: string): string {
  return markdown.replace(/^\s*# .*\r?\n/, "").trim();
}

function findSection(markdown: string, slug: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  let fence: string | undefined;
  let start = -1;
  let level = 0;
  for (const [index, line] of lines.entries()) {
    const wasInFence = fence !== undefined;
    fence = fenceAfter(line, fence);
    if (wasInFence || fence) continue;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const depth = heading[1]!.length;
    if (start >= 0 && depth <= level) return lines.slice(start, index).join("\n").trim();
    if (start < 0 && slugOf(heading[2]!) === slug) {
      start = index + 1;
      level = depth;
    }
  }
  return start >= 0 ? lines.slice(start).join("\n").trim() : undefined;
}

/** Inline links and `href`s that are relative to the README, made relative to the page. */
function rebaseLinks(text: string, from: string, to: string, source: string): string {
  const rebase = (target: string): string => {
    if (/^([a-z][\w+.-]*:|\/)/i.test(target)) return target;
    const [path, hash] = splitHash(target);
    const absolute = path === "" ? source : resolve(from, path);
    return `${toPosix(relative(to, absolute)) || "."}${hash}`;
  };
  return text
    .replace(/(\]\()(<?)([^)\s>]+)/g, (_, open: string, angle: string, target: string) => {
      return `${open}${angle}${rebase(target)}`;
    })
    .replace(/(\shref=")([^"]+)/g, (_, open: string, target: string) => `${open}${rebase(target)}`);
}

export function splitHash(target: string): [string, string] {
  const at = target.indexOf("#");
  return at < 0 ? [target, ""] : [target.slice(0, at), target.slice(at)];
}
