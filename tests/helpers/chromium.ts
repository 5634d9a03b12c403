// The one way the tests start Debian's headless Chromium.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Starts headless Chromium. A missing browser fails the test, never skips it:
 * a green run must mean the browser ran.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: \`apt-get install -y chromium\`), ` +
        "or set CHROMIUM_PATH to a Chromium binary. `pnpm test:all` installs it when it can.",
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root needs --no-sandbox; the rest keeps Chromium off a closed network.
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
