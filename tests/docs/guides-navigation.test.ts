// Every guide is reachable from the site's sidebar and the start page, and
// every task guide ends in a script that runs against the sandbox (the README
// examples test runs it), so a reader can always check a guide on their machine.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { extractBlocks } from "./markdown-blocks.js";

const root = join(import.meta.dirname, "..", "..");
const guides = readdirSync(join(root, "docs", "guides"))
  .filter((file) => file.endsWith(".md"))
  .map((file) => file.slice(0, -".md".length))
  .sort();
const config = readFileSync(join(root, "docs", ".vitepress", "config.mts"), "utf8");
const start = readFileSync(join(root, "docs", "index.md"), "utf8");

/** Guides about a task, from start to a working result (not the reference-like pages). */
const TASK_GUIDES = [
  "take-a-payment",
  "log-in",
  "change-payment-method",
  "login-expired",
  "test-your-routes",
  "going-live",
];

describe("the guides", () => {
  test("include every task guide", () => {
    expect(guides).toEqual(expect.arrayContaining(TASK_GUIDES));
  });

  for (const guide of guides) {
    test(`${guide} is in the sidebar and on the start page`, () => {
      expect(config).toContain(`link: "/guides/${guide}"`);
      expect(start).toContain(`(/guides/${guide}.md)`);
    });
  }

  for (const guide of TASK_GUIDES) {
    test(`${guide} ends in a block that runs against the sandbox`, () => {
      const file = `docs/guides/${guide}.md`;
      const blocks = extractBlocks(readFileSync(join(root, file), "utf8"), file);
      const last = blocks.at(-1);
      expect(last?.mode, `${file}: the last ts block`).toBe("run");
      expect(last?.code).toContain("startSandbox(");
    });
  }
});
