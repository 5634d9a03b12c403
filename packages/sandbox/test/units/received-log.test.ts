// The request log's pieces on their own: the byte budget to the byte, the
// nesting count that decides what is kept as JSON, the body as kept, and the
// redaction of the Authorization header.
import { describe, expect, it } from "vitest";
import {
  EXCERPT_CHARS,
  ReceivedLog,
  loggedBody,
  nestingDepth,
  redactAuthorization,
  type ReceivedRequest,
} from "../../src/received.js";

const entry = (body: unknown, path = "/p"): ReceivedRequest => ({
  at: "t",
  method: "POST",
  path,
  authorization: undefined,
  contentType: undefined,
  body,
  requestIssues: [],
  status: 200,
  responseIssues: [],
});
/** Bytes of `JSON.stringify(list)` for these entries. */
const bytesOf = (entries: ReceivedRequest[]) => Buffer.byteLength(JSON.stringify(entries));

describe("the log's budget", () => {
  it("keeps entries while the whole list fits its bytes exactly, dropping the oldest after", () => {
    const [a, b, c] = [entry("a"), entry("b"), entry("c")];
    const log = new ReceivedLog({ maxEntries: 10, maxBytes: bytesOf([a, b]) });
    log.add(a);
    log.add(b);
    expect(log.list()).toEqual([a, b]);
    log.add(c);
    expect(log.list()).toEqual([b, c]);
    expect(bytesOf(log.list())).toBeLessThanOrEqual(bytesOf([a, b]));
  });

  it("keeps a last entry whole when it fits alone, to the byte", () => {
    const body = "x".repeat(EXCERPT_CHARS * 2);
    const whole = entry(body);
    const fits = new ReceivedLog({ maxEntries: 10, maxBytes: bytesOf([whole]) });
    fits.add(whole);
    expect(fits.list()).toEqual([whole]);
    const short = new ReceivedLog({ maxEntries: 10, maxBytes: bytesOf([whole]) - 1 });
    short.add(whole);
    expect(short.list()).toEqual([
      { ...whole, body: body.slice(0, EXCERPT_CHARS), bodyTruncated: true },
    ]);
  });

  it("counts an excerpted entry's own bytes, to the byte", () => {
    const body = "x".repeat(EXCERPT_CHARS * 4);
    const cut = {
      ...entry(body),
      body: body.slice(0, EXCERPT_CHARS),
      bodyTruncated: true as const,
    };
    const small = entry("s");
    const budget = bytesOf([cut, small]);
    const fits = new ReceivedLog({ maxEntries: 10, maxBytes: budget });
    fits.add(entry(body));
    fits.add(small);
    expect(fits.list()).toEqual([cut, small]);
    const short = new ReceivedLog({ maxEntries: 10, maxBytes: budget - 1 });
    short.add(entry(body));
    short.add(small);
    expect(short.list()).toEqual([small]);
  });

  it("keeps 1,000 entries by default", () => {
    const log = new ReceivedLog();
    for (let index = 0; index <= 1000; index++) log.add(entry(index));
    expect(log.list()).toHaveLength(1000);
    expect(log.list()[0]!.body).toBe(1);
  });

  it("never cuts a JSON body, and keeps one entry even over the budget", () => {
    const big = entry({ text: "y".repeat(500) });
    const log = new ReceivedLog({ maxEntries: 10, maxBytes: 100 });
    log.add(big);
    expect(log.list()).toEqual([big]);
  });

  it("counts the bytes it drops, so later entries are kept", () => {
    const entries = ["a", "b", "c", "d", "e"].map((body) => entry(body));
    const log = new ReceivedLog({ maxEntries: 10, maxBytes: bytesOf(entries.slice(0, 2)) });
    for (const each of entries) log.add(each);
    expect(log.list()).toEqual(entries.slice(3));
    log.clear();
    log.add(entries[0]!);
    log.add(entries[1]!);
    expect(log.list()).toEqual(entries.slice(0, 2));
  });

  it("keeps the newest entries by count", () => {
    const log = new ReceivedLog({ maxEntries: 2, maxBytes: 1_000_000 });
    for (const body of ["a", "b", "c"]) log.add(entry(body));
    expect(log.list().map(({ body }) => body)).toEqual(["b", "c"]);
  });
});

describe("the body as the log keeps it", () => {
  it("keeps no body and an empty one as they came", () => {
    expect(loggedBody(undefined, false)).toEqual({ body: undefined });
    expect(loggedBody("", false)).toEqual({ body: "" });
    expect(loggedBody("", true)).toEqual({ body: "" });
  });

  it("parses JSON, keeps text that is not JSON, and keeps too deep a body as text", () => {
    expect(loggedBody('{"a":[1]}', false)).toEqual({ body: { a: [1] } });
    expect(loggedBody("{not json", false)).toEqual({ body: "{not json" });
    const deepest = "[".repeat(64) + "]".repeat(64);
    expect(loggedBody(deepest, false).body).toBeInstanceOf(Array);
    const deeper = "[".repeat(65) + "]".repeat(65);
    expect(loggedBody(deeper, false)).toEqual({ body: deeper });
  });

  it("keeps an excerpt of a refused body, whole up to the limit", () => {
    const limit = "z".repeat(EXCERPT_CHARS);
    expect(loggedBody(limit, true)).toEqual({ body: limit });
    expect(loggedBody(`${limit}!`, true)).toEqual({ body: limit, bodyTruncated: true });
  });
});

describe("the nesting count", () => {
  it.each([
    ["", 0],
    ["1", 0],
    ["[]", 1],
    ["{}", 1],
    ['{"a":[{}]}', 3],
    ["[][][]", 1],
    ["[[]][[]]", 2],
    ["{[]}{[]}", 2],
    ['["[[[", "{{"]', 1],
    ['["\\"[[[", "]"]', 1],
    ['["\\\\", [[]]]', 3],
    ['"[', 0],
  ])("%s is %i deep", (text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });
});

describe("the Authorization header in the log", () => {
  it("keeps the scheme and never the credential", () => {
    expect(redactAuthorization(undefined)).toBeUndefined();
    expect(redactAuthorization("Bearer secret")).toBe("Bearer [redacted]");
    expect(redactAuthorization("  Basic  secret")).toBe("Basic [redacted]");
    expect(redactAuthorization("")).toBe("[redacted]");
    expect(redactAuthorization("   ")).toBe("[redacted]");
  });
});
