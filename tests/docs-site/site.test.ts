// The documentation site, checked like the product: `pnpm run docs` builds it
// (TypeDoc's Markdown rendered by VitePress, and Redoc), a static server on 127.0.0.1 serves it, and
// headless Chromium opens every page. Screenshots land in tests/artifacts/.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/chromium.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PAY_INVOICE_PATH } from "../../openapi/fixtures.mjs";
import { crawl, type CrawlResult } from "./crawl.js";
import { serveFolder, type StaticServer } from "./static-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SITE = join(ROOT, "docs-site");
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

let server: StaticServer;
let browser: Browser;
let site: CrawlResult;

beforeAll(async () => {
  await Promise.all([buildDocs(), mkdir(ARTIFACTS, { recursive: true })]);
  server = await serveFolder(SITE);
  browser = await launchChromium();
  site = await crawl(server.url);
  // The docs build takes a minute or two; on a machine loaded far beyond its
  // cores it once took over five. The limit only ends a run that would hang.
}, 900_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** `pnpm run docs`, the same build users and CI run; its output is shown only on failure. */
function buildDocs(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "docs.mjs")], { cwd: ROOT });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`pnpm run docs failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/** Opens a page and collects what went wrong on it: page errors, console errors, failed requests. */
async function open(
  path: string,
  waitUntil: "load" | "networkidle" = "networkidle",
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("requestfailed", (request) => {
    // Workers' blob: URLs are cancelled when the page goes away; that is no failure.
    if (request.url().startsWith("blob:")) return;
    // Nor is a request the browser aborted itself: a prefetch of a sidebar
    // page still in flight when the test navigates away. A missing file still
    // fails below, as an HTTP status of 400 or more.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(server.url + path, { waitUntil });
  return { page, problems };
}

const sitePages = () => site.pages.filter((path) => !path.startsWith("/spec/"));
const apiPages = () => site.pages.filter((path) => path.startsWith("/api/"));

/**
 * The pages opened in Chromium: every page outside the API reference (the
 * guides, the package pages, the spec), the reference's start page, a
 * subpath module's page and the first page of each kind (function, class,
 * interface, type alias, variable). The reference's ~150 pages are one
 * template over one bundle; all of them are checked without a browser.
 */
function browserSample(): string[] {
  const api = apiPages();
  const firstOfEachKind = ["functions", "classes", "interfaces", "type-aliases", "variables"]
    .map((kind) => api.find((path) => path.includes(`/${kind}/`)))
    .filter((path): path is string => path !== undefined);
  const subpathModule = api.find((path) => /^\/api\/@connect-payment\/[\w-]+\/[\w-]+\/$/.test(path));
  return [
    ...site.pages.filter((path) => !path.startsWith("/api/")),
    "/api/",
    ...(subpathModule ? [subpathModule] : []),
    ...firstOfEachKind,
  ];
}

describe("the documentation site", () => {
  test("every internal link resolves, anchors included", () => {
    expect(site.pages.length).toBeGreaterThan(20);
    expect(site.broken).toEqual([]);
  });

  test("has the guides, the package pages and both references", () => {
    for (const path of [
      "/",
      "/guides/take-a-payment.html",
      "/guides/errors.html",
      "/guides/security.html",
      "/guides/sandbox.html",
      "/guides/log-in.html",
      "/guides/change-payment-method.html",
      "/guides/login-expired.html",
      "/guides/test-your-routes.html",
      "/guides/going-live.html",
      "/packages/client.html",
      "/packages/redirect.html",
      "/packages/types.html",
      "/reference/benchmarks.html",
      "/api/",
      "/api/@connect-payment/client/functions/createConnectClient.html",
      "/api/@connect-payment/client/raw/",
      "/api/@connect-payment/redirect/functions/verifyPaymentReturn.html",
      "/api/@connect-payment/oauth/functions/createConnectIdLogin.html",
      "/api/@connect-payment/oauth-redis/functions/redisTokenStore.html",
      "/api/@connect-payment/sandbox/functions/completeLogin.html",
      "/api/@connect-payment/sandbox/msw/functions/createSandboxHandlers.html",
      "/spec/index.html",
    ]) {
      expect(site.pages, path).toContain(path);
    }
  });

  test("the pager and the sidebar lead into the API reference, not to a 404", { timeout: 60_000 }, async () => {
    const { page, problems } = await open("/reference/");
    try {
      // VitePress navigates inside the page: it changes the URL first and
      // renders the next page once its chunk has arrived, so neither the URL
      // nor the load state says the page is there; its content does. The
      // chunk is held back here, as a busy machine would, so the test cannot
      // pass by reading the page before it is drawn (it once did, and failed).
      await page.route(/\/assets\/api_index\.md\.[\w-]+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      // The "next page" after the overview is the API reference: a page of the
      // same site, with its sidebar.
      await page.locator("a.pager-link.next").click();
      await page.waitForURL(/\/api\/(index\.html)?$/);
      const rawModule = page.locator(".vp-doc a", { hasText: "@connect-payment/client/raw" });
      await rawModule.first().waitFor({ timeout: 30_000 });
      expect(await rawModule.count()).toBeGreaterThan(0);
      expect(await page.locator(".VPSidebar").count()).toBe(1);

      await page.goto(`${server.url}/guides/errors.html`, { waitUntil: "networkidle" });
      await page.locator(".VPSidebar a", { hasText: "HTTP API (the spec)" }).click();
      await page.waitForURL(/\/spec\/(index\.html)?$/);
      await page.waitForLoadState("load");
      expect(await page.title()).toContain("Connect payment API");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("the API reference is pages of the site: its sidebar, its search, source links into the repository", { timeout: 60_000 }, async () => {
    expect(apiPages().length).toBeGreaterThan(50);
    const { page, problems } = await open(
      "/api/@connect-payment/client/functions/createConnectClient.html",
    );
    try {
      expect(await page.locator("h1").textContent()).toContain("createConnectClient");
      // The site's sidebar, with the guides and the reference's modules.
      const sidebar = page.locator(".VPSidebar");
      expect(await sidebar.locator("a", { hasText: "Take a payment" }).count()).toBe(1);
      expect(
        await sidebar.locator("text=@connect-payment/client/raw").count(),
      ).toBeGreaterThan(0);
      // "Defined in" points at the file in the repository, from its root.
      const source = await page
        .locator(".vp-doc a", { hasText: "packages/client/src/" })
        .first()
        .getAttribute("href");
      expect(source).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/main\/packages\/client\/src\/[\w/-]+\.ts#L\d+$/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
    // The site's local search indexes the reference's pages too.
    const chunks = readdirSync(join(SITE, "assets", "chunks"));
    const index = chunks.find((name) => name.startsWith("@localSearchIndexroot"));
    expect(index).toBeDefined();
    const text = readFileSync(join(SITE, "assets", "chunks", index!), "utf8");
    expect(text).toContain("api/@connect-payment/redirect/functions/verifyPaymentReturn");
  });

  test("every page is served with the files it loads and its own page chunk, checked without a browser", () => {
    // What a browser would fail on, checked over HTTP for all pages: every
    // script, stylesheet and preload a page names is served (the crawl's
    // broken links, above), and the page names the chunk that renders it,
    // listed under the same hash in the site's page map, so that neither a
    // first visit nor a visit from another page asks for a file that is not there.
    const problems: string[] = [];
    for (const path of sitePages()) {
      const html = site.html.get(path) ?? "";
      if (!html.includes('<div id="app"')) problems.push(`${path}: no app root`);
      const chunk = /<link rel="modulepreload" href="\/assets\/([^"]+\.md)\.([\w-]+)\.lean\.js">/.exec(html);
      const map = /__VP_HASH_MAP__=JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(html);
      if (!chunk || !map) {
        problems.push(`${path}: no page chunk or page map`);
        continue;
      }
      const hashes = JSON.parse(JSON.parse(map[1]!) as string) as Record<string, string>;
      if (hashes[chunk[1]!.toLowerCase()] !== chunk[2]) {
        problems.push(`${path}: ${chunk[1]} is not in the page map under ${chunk[2]}`);
      }
    }
    expect(sitePages().length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  test("every guide, every page outside the API reference and one API page of each kind open in Chromium without an error", { timeout: 600_000 }, async () => {
    const sample = browserSample();
    const guides = readdirSync(join(ROOT, "docs", "guides"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `/guides/${name.replace(/\.md$/, ".html")}`);
    expect(sample).toEqual(expect.arrayContaining(guides));
    expect(sample.filter((path) => path.startsWith("/api/")).length).toBeGreaterThanOrEqual(6);

    const failures: string[] = [];
    const queue = [...sample];
    // A few tabs at once: the pages are independent, and the machine has more than one core.
    const tab = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        // The reference's pages share the site's one bundle, which the other
        // pages already prove settles: each is checked up to "load" (the page
        // hydrated, so an error on it is caught), not a quiet network.
        const { page, problems } = await open(
          path,
          path.startsWith("/api/") ? "load" : "networkidle",
        );
        failures.push(...problems.map((problem) => `${path}: ${problem}`));
        await page.close();
      }
    };
    await Promise.all([tab(), tab(), tab()]);
    expect(failures).toEqual([]);
  });

  test("the start page renders the flow as an SVG diagram", { timeout: 60_000 }, async () => {
    const { page, problems } = await open("/");
    try {
      const diagram = page.locator(".flow-diagram svg");
      await diagram.first().waitFor({ state: "visible", timeout: 30_000 });
      const text = await diagram.first().textContent();
      expect(text).toContain("Connect API");
      expect(text).toContain(`POST ${PAY_INVOICE_PATH}`);
      // The Mermaid source is not left on the page as a code block.
      expect(await page.locator("div.language-mermaid").count()).toBe(0);
      // Nothing for Mermaid's own load-time pass (startOnLoad) to find: it renders
      // every ".mermaid" from its text, and once raced the plugin and drew its
      // "Syntax error" diagram over the real one.
      expect(await page.locator(".mermaid").count()).toBe(0);
      await screenshot(page, "docs-start");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('search finds the "take a payment" guide for payInvoice', { timeout: 60_000 }, async () => {
    const { page } = await open("/guides/security.html");
    try {
      await page
        .getByRole("button", { name: /search/i })
        .first()
        .click();
      const input = page.getByPlaceholder(/search/i).first();
      await input.fill("payInvoice");
      const results = page.locator(".VPLocalSearchBox a.result");
      await results.first().waitFor({ timeout: 20_000 });
      const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(hrefs.some((href) => href?.includes("/guides/take-a-payment.html"))).toBe(true);
    } finally {
      await page.close();
    }
  });

  test("the take-a-payment guide reads as a page, with links into the API reference", { timeout: 60_000 }, async () => {
    const { page, problems } = await open("/guides/take-a-payment.html");
    try {
      expect(await page.locator("h1").textContent()).toContain("Take a payment");
      const apiLinks = await page.locator('.vp-doc a[href^="/api/"]').count();
      expect(apiLinks).toBeGreaterThan(3);
      await screenshot(page, "docs-take-a-payment");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("the error guide has a row for every ConnectErrorCode, with what to do", () => {
    const source = readFileSync(join(ROOT, "packages/client/src/errors.ts"), "utf8");
    const union = (/export type ConnectErrorCode =([^;]+);/.exec(source))?.[1] ?? "";
    const codes = [...union.matchAll(/"([a-z_]+)"/g)].map(([, code]) => code!);
    expect(codes.length).toBeGreaterThan(5);

    const html = readFileSync(join(SITE, "guides", "errors.html"), "utf8");
    const table = html.split("<table").find((t) => t.includes("what to do")) ?? "";
    const rows = [
      ...table.matchAll(/<tr><td><code>([a-z_]+)<\/code><\/td>((?:<td>.*?<\/td>)+)<\/tr>/g),
    ];
    expect(rows.map(([, code]) => code).sort()).toEqual([...codes].sort());
    for (const [, code, cells] of rows) {
      const cellTexts = [...cells!.matchAll(/<td>(.*?)<\/td>/g)].map(([, cell]) => cell!.trim());
      expect(cellTexts.length, code).toBe(4); // when, sent?, retried?, what to do
      expect(
        cellTexts.every((cell) => cell.length > 0),
        code,
      ).toBe(true);
    }
  });

  test("sections still being written elsewhere are listed, not hidden", () => {
    const pending = sitePages().filter((path) => {
      const file = join(SITE, path.endsWith("/") ? `${path}index.html` : path);
      return readFileSync(file, "utf8").includes("Not written yet");
    });
    if (pending.length > 0) console.info(`Pages waiting for a section: ${pending.join(", ")}`);
    expect(pending.every((path) => path.startsWith("/guides/"))).toBe(true);
  });
});

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  expect((await stat(path)).size).toBeGreaterThan(20_000);
}
