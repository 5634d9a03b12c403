// The HTML helpers on their own: every character that could end a text or an
// attribute is escaped, and a page is sent as UTF-8 HTML with its security headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { escapeHtml } from "../../src/http.js";
import { PAY_PAGE_PATH } from "../../src/login.js";

describe("escapeHtml", () => {
  it("escapes the five characters that matter, and leaves the rest", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
    expect(escapeHtml(42)).toBe("42");
    expect(escapeHtml("plain text: ÆØÅ")).toBe("plain text: ÆØÅ");
  });
});

describe("a page", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it("is sent as UTF-8 HTML, framed by no one", async () => {
    const response = await fetch(`${sandbox.loginServer}${PAY_PAGE_PATH}`);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(await response.text()).toMatch(/^<!doctype html>/);
  });
});
