// safeCause, unit by unit: where in a thrown value the token can hide, and
// what the redacted copy keeps. The end-to-end cases (a fetch that throws
// through payInvoice) are in test/runtime-fetch/cause.test.ts.
import { describe, expect, test } from "vitest";
import { safeCause } from "../../src/cause.js";

const TOKEN = "SeCrEt-ToKeN-77c1d0e2a9";

/** The copy safeCause made, checked to be one and free of the token. */
function redactedCopy(thrown: unknown): Error {
  const cause = safeCause(thrown, TOKEN);
  expect(cause).not.toBe(thrown);
  expect(cause).toBeInstanceOf(Error);
  expect(
    JSON.stringify(Object.getOwnPropertyNames(cause).map((key) => String((cause as never)[key]))),
  ).not.toContain(TOKEN);
  return cause as Error;
}

describe("the token is found", () => {
  test("in a getter of the thrown value's class, like a Request's headers", () => {
    class Carrier extends Error {
      get headers() {
        return { authorization: `Bearer ${TOKEN}` };
      }
    }
    redactedCopy(new Carrier("failed"));
  });

  test("in a getter of a parent class, two prototypes up", () => {
    class Base {
      get header() {
        return `Bearer ${TOKEN}`;
      }
    }
    class Middle extends Base {}
    class Leaf extends Middle {}
    redactedCopy({ request: new Leaf() });
  });

  test("in the entries of a Map (as in a Headers object)", () => {
    redactedCopy({ headers: new Map([["authorization", `Bearer ${TOKEN}`]]) });
  });

  test("in a key, not only in a value", () => {
    redactedCopy({ [`Bearer ${TOKEN}`]: true });
  });
});

describe("a value without the token is kept as it is", () => {
  test("an Error, a plain object and a Map", () => {
    for (const thrown of [
      new TypeError("fetch failed"),
      { code: "ECONNRESET" },
      new Map([["a", "b"]]),
    ]) {
      expect(safeCause(thrown, TOKEN)).toBe(thrown);
    }
  });

  test("a `body` getter is never read: it may be a stream, and reading consumes it", () => {
    let reads = 0;
    class WithBody {
      get body() {
        reads++;
        return TOKEN;
      }
    }
    const thrown = { request: new WithBody() };
    expect(safeCause(thrown, TOKEN)).toBe(thrown);
    expect(reads).toBe(0);
  });

  test("a getter that throws is passed over", () => {
    class Throws {
      get headers(): string {
        throw new Error("no");
      }
    }
    const thrown = { request: new Throws() };
    expect(safeCause(thrown, TOKEN)).toBe(thrown);
  });

  test("a cycle ends the walk", () => {
    const cyclic: Record<string, unknown> = { code: "ECONNRESET" };
    cyclic.self = cyclic;
    expect(safeCause(cyclic, TOKEN)).toBe(cyclic);
  });
});

describe("a value too large to search whole is replaced by a copy (fail closed)", () => {
  test("an endless iterable is read only so far, and not kept", () => {
    const endless = {
      *[Symbol.iterator]() {
        for (;;) yield "x";
      },
    };
    expect(redactedCopy({ endless })).toBeInstanceOf(Error);
  });

  test("more objects than the search looks at, the token past them", () => {
    const padding = Array.from({ length: 1500 }, () => ({}));
    const copy = redactedCopy({ padding, deep: { header: `Bearer ${TOKEN}` } });
    expect(copy.message).toBe("");
  });

  test("a cause chain deeper than the search looks at", () => {
    let chain: unknown = { header: `Bearer ${TOKEN}` };
    for (let i = 0; i < 5000; i++) chain = { cause: chain };
    redactedCopy(chain);
  });

  test("a large value without the token is still kept when the search ends within the limit", () => {
    const thrown = { list: Array.from({ length: 500 }, (_, index) => ({ index })) };
    expect(safeCause(thrown, TOKEN)).toBe(thrown);
  });
});

describe("the copy", () => {
  test("keeps the name and the message, the token replaced", () => {
    const thrown = new TypeError(`fetch failed for Bearer ${TOKEN}`);
    const copy = redactedCopy(thrown);
    expect(copy.name).toBe("TypeError");
    expect(copy.message).toBe("fetch failed for Bearer [redacted]");
  });

  test("is named Error, with an empty message, for a thrown value that has neither", () => {
    const copy = redactedCopy({ detail: TOKEN });
    expect(copy.name).toBe("Error");
    expect(copy.message).toBe("");
  });

  test("replaces the token in the name too", () => {
    const copy = redactedCopy({ name: `Bad ${TOKEN}`, message: "m" });
    expect(copy.name).toBe("Bad [redacted]");
  });
});
