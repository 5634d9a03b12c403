import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium as playwright } from "playwright-core";
import { MissingRuntime, type CheckResult, type Runtime, type ScenarioEnv } from "../runtime.js";

/** The page's script: the scenario bundle under its global name (prepare.ts). */
interface ScenarioPage {
  connectScenario: { runScenario(env: ScenarioEnv): Promise<CheckResult[]> };
}

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium through playwright-core. The scenario runs in a page
 * served from its own origin, so every API call is cross-origin (CORS), as on
 * a merchant's site.
 */
export const chromium: Runtime = {
  id: "chromium",
  name: "Chromium",
  version() {
    const CHROMIUM = chromiumPath();
    if (!existsSync(CHROMIUM)) return "not installed";
    try {
      const text = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", timeout: 20_000 });
      return /\d+\.\d+\.\d+\.\d+/.exec(text)?.[0] ?? text.trim();
    } catch {
      return "not runnable";
    }
  },
  neverSentRecognised: false,
  async run(matrix, env) {
    const CHROMIUM = chromiumPath();
    if (!existsSync(CHROMIUM)) {
      throw new MissingRuntime(
        "Chromium",
        CHROMIUM,
        "Install it (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary. `pnpm test:all` installs it when it can.",
      );
    }
    // The merchant's page, on an origin of its own.
    const pages = createServer((req, res) => {
      if (req.url == "/scenario.js") {
        res.writeHead(200, { "content-type": "text/javascript" });
        return res.end(matrix.bundles.chromium!);
      }
      res.writeHead(200, { "content-type": "text/html" });
      res.end('<!doctype html><title>scenario</title><script src="/scenario.js"></script>');
    });
    await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
    const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
    const browser = await playwright.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(pageUrl);
      if (new URL(page.url()).origin == new URL(matrix.api).origin) {
        throw new Error("the page must be on another origin than the API");
      }
      const json = await page.evaluate(
        (scenarioEnv) =>
          (globalThis as unknown as ScenarioPage).connectScenario
            .runScenario(scenarioEnv)
            .then((results) => JSON.stringify(results)),
        env,
      );
      if (errors.length) throw new Error(`the page threw: ${errors.join("\n")}`);
      return JSON.parse(json) as CheckResult[];
    } finally {
      await browser.close();
      pages.closeAllConnections();
      await new Promise<void>((resolve) => pages.close(() => resolve()));
    }
  },
};
