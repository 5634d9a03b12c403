// The docs build prints no tool banner a reader must wonder about (Redocly's
// "Node.js 20 support is ending" on the Node 20 this project supports), and
// keeps everything else the tools print.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { KNOWN_BANNERS, withoutToolBanners } from "../../scripts/tool-banners.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "tool-banners-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("tool banners in the docs build", () => {
  test("Redocly's build-docs, as the docs build runs it, prints no banner once filtered", { timeout: 120_000 }, () => {
    const run = spawnSync(
      join(ROOT, "node_modules", ".bin", "redocly"),
      ["build-docs", "openapi/connect-payment.yaml", "--output", join(scratch, "spec.html")],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    if (process.versions.node.startsWith("20.")) {
      // The banner is real on this Node: the filter has something to remove.
      expect(run.stderr).toContain("Node.js 20 support is ending");
    }
    const shown = withoutToolBanners(run.stderr);
    for (const words of KNOWN_BANNERS) expect(shown).not.toContain(words);
    expect(shown).not.toMatch(/end-of-life/);
    expect(shown).toContain("bundled successfully");
  });

  test("keeps any other box and every plain line", () => {
    const other = ["╔════╗", "║ Something broke: fix it ║", "╚════╝"].join("\n");
    const banner = ["╔════╗", "║ Deprecation warning: Node.js 20 support is ending ║", "╚════╝"].join(
      "\n",
    );
    const text = `first line\n${banner}\n${other}\nlast line`;
    expect(withoutToolBanners(text)).toBe(`first line\n${other}\nlast line`);
    expect(withoutToolBanners("╔ a box that never closes\nstill shown")).toBe(
      "╔ a box that never closes\nstill shown",
    );
  });

  test("the docs build shows Redocly's output through the filter", () => {
    const script = readFileSync(join(ROOT, "scripts", "docs.mjs"), "utf8");
    expect(script).toContain("withoutToolBanners(run.stderr");
  });
});
