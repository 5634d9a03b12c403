// The site shows README sections with <!--@section: …#heading-->: the right
// lines, links that still point where they did, and no silent gaps.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { expandSections, slugOf } from "../../docs/.vitepress/sections.mjs";

// Inside the repository, as the site's pages are.
const scratch = mkdtempSync(join(import.meta.dirname, ".sections-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

mkdirSync(join(scratch, "pkg"));
writeFileSync(
  join(scratch, "pkg", "README.md"),
  [
    "# pkg",
    "",
    "## What binding proves, and what it does not",
    "",
    "See [the other](../other/README.md), [the source](src/index.ts) and [retries](#retries).",
    "",
    "```md",
    "## not a heading, inside a code block",
    "```",
    "",
    "### A subsection stays",
    "",
    "## Retries",
    "",
    "Only 429.",
  ].join("\n"),
);
const page = join(scratch, "guides", "page.md");

describe("README sections on the site", () => {
  test("a heading's slug is GitHub's", () => {
    expect(slugOf("What binding proves, and what it does not")).toBe(
      "what-binding-proves-and-what-it-does-not",
    );
    expect(slugOf("Assumptions (where the provider's API reference is silent)")).toBe(
      "assumptions-where-the-providers-api-reference-is-silent",
    );
  });

  test("shows the section up to the next heading of its level, code blocks and subsections included", () => {
    const out = expandSections(
      "Intro\n\n<!--@section: ../pkg/README.md#what-binding-proves-and-what-it-does-not-->\n",
      page,
    );
    expect(out).toContain("## not a heading, inside a code block");
    expect(out).toContain("### A subsection stays");
    expect(out).not.toContain("Only 429.");
    expect(out).not.toContain("What binding proves");
  });

  test("rebases the section's relative links onto the page", () => {
    const out = expandSections(
      "<!--@section: ../pkg/README.md#what-binding-proves-and-what-it-does-not-->",
      page,
    );
    expect(out).toContain("[the other](../other/README.md)");
    expect(out).toContain("[the source](../pkg/src/index.ts)");
    expect(out).toContain("[retries](../pkg/README.md#retries)");
  });

  test("without a heading, shows the whole file but its title", () => {
    const out = expandSections("<!--@section: ../pkg/README.md-->", page);
    expect(out.startsWith("## What binding proves")).toBe(true);
    expect(out).toContain("Only 429.");
  });

  test("a missing section fails the build, naming the page and the section", () => {
    expect(() => expandSections("<!--@section: ../pkg/README.md#runtimes-->", page)).toThrow(
      /page\.md shows .*pkg\/README\.md#runtimes, which does not exist/,
    );
    expect(() => expandSections("<!--@section: ../nope/README.md-->", page)).toThrow(
      /nope\/README\.md/,
    );
  });

  test("a directive inside a code block is an example, left as it is", () => {
    const example = "```md\n<!--@section: ../pkg/README.md#retries-->\n```";
    expect(expandSections(example, page)).toBe(example);
  });

  test("an optional one that is missing shows a note instead", () => {
    const out = expandSections("<!--@section: ../pkg/README.md#runtimes optional-->", page);
    expect(out).toContain("::: info Not written yet");
    expect(out).toContain("pkg/README.md#runtimes");
  });
});
