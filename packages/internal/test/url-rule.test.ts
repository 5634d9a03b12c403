import { describe, expect, test } from "vitest";
import { checkedUrl, isLoopbackHost } from "../src/index.js";

describe("isLoopbackHost", () => {
  test.each(["localhost", "[::1]", "127.0.0.1", "127.0.0.2", "127.255.255.255"])(
    "%s is",
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );
  test.each([
    "example.com",
    "128.0.0.1",
    "[::2]",
    "127.0.0.1.example.com",
    "localhost.example",
    "1127.0.0.1",
  ])("%s is not", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
  test("every spelling the URL parser normalises counts", () => {
    for (const url of [
      "http://127.1",
      "http://0x7f000001",
      "http://LocalHost",
      "http://[0:0:0:0:0:0:0:1]",
    ]) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(true);
    }
  });
});

describe("checkedUrl", () => {
  test.each([
    [42, "not_url"],
    ["/relative", "not_url"],
    ["javascript:alert(1)", "scheme"],
    ["http://example.com", "insecure_http"],
    ["https://user:pw@example.com", "credentials"],
    ["https://example.com/#", "fragment"],
    ["https://example.com/?", "query"],
    ["https://example.com/x#a?b", "fragment"],
  ])("%s breaks %s", (value, fault) => {
    expect(checkedUrl(value)).toBe(fault);
  });

  test("allowances: any http, a query, a fragment", () => {
    expect(checkedUrl("http://example.com", { anyHttp: true })).toBeInstanceOf(URL);
    expect(checkedUrl("https://example.com/?a=1", { query: true })).toBeInstanceOf(URL);
    expect(checkedUrl("https://example.com/#a?b", { fragment: true })).toBeInstanceOf(URL);
    expect(checkedUrl("https://example.com/?a#b", { query: true })).toBe("fragment");
  });

  test("gives the parsed URL when it follows the rule", () => {
    expect((checkedUrl("http://[::1]:4010/api") as URL).href).toBe("http://[::1]:4010/api");
  });
});
