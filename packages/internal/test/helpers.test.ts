import { describe, expect, test, vi } from "vitest";
import {
  assignDefined,
  inputText,
  invalidMessage,
  isCount,
  issueList,
  receivedUrl,
  unboundFetch,
} from "../src/index.js";

describe("option checks", () => {
  test("isCount: whole milliseconds setTimeout can wait", () => {
    expect([0, 1, 2 ** 31 - 1].map(isCount)).toEqual([true, true, true]);
    expect([-1, 1.5, 2 ** 31, NaN, "1", undefined].map(isCount)).toEqual(Array(6).fill(false));
  });

  test("issueList collects one issue per failed check, and the message names each", () => {
    const { issues, check } = issueList();
    check(true, "a", "never listed");
    check(false, "timeoutMs", "must be a positive integer");
    check(false, "fetch", "must be a function");
    expect(issues).toEqual([
      { field: "timeoutMs", message: "must be a positive integer" },
      { field: "fetch", message: "must be a function" },
    ]);
    expect(invalidMessage("client options", issues)).toBe(
      "Invalid client options: timeoutMs must be a positive integer; fetch must be a function",
    );
  });
});

test("assignDefined copies only the details that are set; cause stays hidden", () => {
  const error = new Error("x", { cause: "why" });
  assignDefined(error, { status: 400, body: undefined, cause: "why" });
  expect(Object.keys(error)).toEqual(["status"]);
  expect(error.cause).toBe("why");
});

describe("unboundFetch", () => {
  test("calls the given fetch as a plain function", async () => {
    let self: unknown = "unset";
    const given = function (this: unknown) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test records the receiver
      self = this;
      return Promise.resolve(new Response("ok"));
    } as unknown as typeof fetch;
    const settings = { fetch: unboundFetch(given) };
    await settings.fetch("http://127.0.0.1/");
    expect(self).toBeUndefined();
  });

  test("without one, looks up globalThis.fetch at each call", async () => {
    const later = vi.fn(() => Promise.resolve(new Response("later")));
    const call = unboundFetch(undefined);
    vi.stubGlobal("fetch", later);
    try {
      await call("http://127.0.0.1/");
    } finally {
      vi.unstubAllGlobals();
    }
    expect(later).toHaveBeenCalledOnce();
  });
});

describe("received URL", () => {
  test("inputText reads strings, URLs, queries, requests and own url properties only", () => {
    expect(inputText("/a?b=1")).toBe("/a?b=1");
    expect(inputText(new URL("https://x.example/a"))).toBe("https://x.example/a");
    expect(inputText(new URLSearchParams({ b: "1" }))).toBe("?b=1");
    expect(inputText(new Request("https://x.example/r"))).toBe("https://x.example/r");
    expect(inputText({ url: "/own" })).toBe("/own");
    expect(inputText(Object.create({ url: "/inherited" }))).toBeUndefined();
    const hostile = {
      get url(): string {
        throw new Error("no");
      },
    };
    expect(inputText(hostile)).toBeUndefined();
  });

  test("receivedUrl with an origin keeps only the path and query", () => {
    expect(receivedUrl("https://proxy.internal/r?x=1", "https://shop.example")?.href).toBe(
      "https://shop.example/r?x=1",
    );
    expect(receivedUrl("//evil.example/r", "https://shop.example")?.origin).toBe(
      "https://shop.example",
    );
    expect(receivedUrl("r?x", "https://shop.example")).toBeUndefined();
    expect(receivedUrl("https://a.example/r")?.origin).toBe("https://a.example");
  });
});
