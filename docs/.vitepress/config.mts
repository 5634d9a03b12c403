// The documentation site (VitePress). `pnpm run docs` first writes the API
// reference as Markdown pages (TypeDoc with typedoc-plugin-markdown, into
// docs/api/ with its sidebar), builds the site with them into docs-site/, then
// adds the spec's Redoc reference (docs-site/spec/) beside it.
//
// The site's pages are the repository's own Markdown: the guides in docs/,
// and the READMEs and top-level documents, each shown at a short route (see
// pages.mts). A guide that explains a package shows that README's section
// with `<!--@section: …#heading-->` (sections.mts), so nothing is written twice.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type DefaultTheme } from "vitepress";
import { withMermaid } from "vitepress-plugin-mermaid";
import { repositoryLinks } from "./links.mjs";
import {
  excludedMarkdown,
  GENERATED_PREFIXES,
  packagePages,
  pageRewrites,
  ROOT,
} from "./pages.mjs";
import { expandSections } from "./sections.mjs";

const rewrites = pageRewrites();

function iconDataUrl(): string {
  const svg = readFileSync(fileURLToPath(new URL("icon.svg", import.meta.url)), "utf8");
  return `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;
}

const guides: DefaultTheme.SidebarItem[] = [
  { text: "Take a payment", link: "/guides/take-a-payment" },
  { text: "Log the customer in", link: "/guides/log-in" },
  { text: "Change a payment method", link: "/guides/change-payment-method" },
  { text: "When the login has expired", link: "/guides/login-expired" },
  { text: "Test your routes", link: "/guides/test-your-routes" },
  { text: "Going live", link: "/guides/going-live" },
  { text: "Test offline with the sandbox", link: "/guides/sandbox" },
  { text: "Handle every error", link: "/guides/errors" },
  { text: "Workers, Deno, Bun, browsers", link: "/guides/runtimes" },
  { text: "Security", link: "/guides/security" },
];

/**
 * The API reference's pages, one group per module (import path), as TypeDoc
 * wrote them. Empty when TypeDoc has not run: the links to /api/ are then
 * dead, and VitePress says so.
 */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = `${ROOT}/docs/api/typedoc-sidebar.json`;
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, "utf8")) as DefaultTheme.SidebarItem[];
}

const reference: DefaultTheme.SidebarItem[] = [
  { text: "Overview", link: "/reference/" },
  { text: "API (every export)", link: "/api/", collapsed: true, items: apiSidebar() },
  { text: "HTTP API (the spec)", link: "/spec/index.html", target: "_self" },
  { text: "Benchmarks", link: "/reference/benchmarks" },
  { text: "Security policy", link: "/reference/security-policy" },
  { text: "Contributing", link: "/reference/contributing" },
  { text: "The repository", link: "/repository" },
];

export default withMermaid(
  defineConfig({
    title: "Connect payment SDK",
    description:
      "TypeScript SDK for Pay invoice of the Connect/ConnectID API: take a payment, send the customer to pay, read the result.",
    lang: "en",
    // An icon inline, so browsers ask the server for no /favicon.ico (docs.mjs
    // gives the API and spec references the same one).
    head: [["link", { rel: "icon", href: iconDataUrl() }]],
    srcDir: ROOT,
    srcExclude: excludedMarkdown(rewrites),
    rewrites,
    outDir: `${ROOT}/docs-site`,
    cacheDir: `${ROOT}/docs/.vitepress/cache`,
    // No git history needed: the build is the same in a clone, a CI checkout or an archive.
    lastUpdated: false,
    cleanUrls: false,
    // The generated references are written after VitePress; the site test opens every link.
    ignoreDeadLinks: [(url: string) => GENERATED_PREFIXES.some((prefix) => url.startsWith(prefix))],
    // Mermaid's chunks are large, and loaded only on pages with a diagram.
    vite: { build: { chunkSizeWarningLimit: 4096 } },
    markdown: {
      config(md) {
        const parse = md.parse.bind(md);
        md.parse = (src, env: { path?: string; realPath?: string }) =>
          parse(expandSections(src, env.realPath ?? env.path ?? ROOT), env);
        repositoryLinks(md, rewrites);
      },
    },
    themeConfig: {
      nav: [
        { text: "Start here", link: "/" },
        { text: "Guides", link: "/guides/take-a-payment" },
        { text: "Packages", link: packagePages()[0]!.link },
        { text: "Reference", link: "/reference/" },
      ],
      sidebar: [
        { text: "Start here", link: "/" },
        { text: "Guides", items: guides },
        {
          text: "Packages",
          items: packagePages().map(({ name, link }) => ({ text: name, link })),
        },
        { text: "Reference", items: reference },
      ],
      search: { provider: "local" },
      outline: [2, 3],
      footer: { message: "MIT licensed." },
    },
    mermaid: { securityLevel: "strict" },
    // Not the plugin's default class "mermaid": Mermaid itself, on the window's
    // load event, re-renders every ".mermaid" element from its text unless told
    // not to, and on a slow page load it ran before the plugin told it, parsed
    // the drawn diagram's own text and replaced it with "Syntax error".
    mermaidPlugin: { class: "flow-diagram" },
  }),
);
