// The path-parameter rule on its own: which values would change the path
// (empty, `.` or `..`, however often encoded), which are only odd, and that
// a field the spec's rules already named is not named twice.
import { describe, expect, test } from "vitest";
import { fillPath, pathIssues } from "../../src/path-parameters.js";

/** `value` percent-encoded `times` times over. */
const encoded = (value: string, times: number) => {
  for (let i = 0; i < times; i++) value = encodeURIComponent(value);
  return value;
};
const dotIssue = 'must not be "." or ".." (or an encoding of them): it would change the path';

describe("dot segments", () => {
  test.each([".", "..", "%2e", "%2E%2e", encoded("%2e", 6), encoded("..", 7)])(
    "%s is refused",
    (value) => {
      expect(pathIssues({ productCode: value })).toEqual([
        { field: "productCode", message: dotIssue },
      ]);
    },
  );

  test("a value still changing after eight decodings is refused as well", () => {
    for (const value of [encoded("%2e", 8), encoded("%", 8)]) {
      expect(pathIssues({ productCode: value })).toEqual([
        { field: "productCode", message: dotIssue },
      ]);
    }
    // Seven encodings of "%" decode to a "%", which cannot be decoded: one segment.
    expect(pathIssues({ productCode: encoded("%", 7) })).toEqual([]);
  });

  test.each(["a..", "..a", ".a.", "a.b", "...", "%", "%E0%A4%A", "100%"])(
    "%s is one segment, kept (encoded) as given",
    (value) => {
      expect(pathIssues({ productCode: value })).toEqual([]);
      expect(fillPath("/p/{productCode}", { productCode: value })).toBe(
        `/p/${encodeURIComponent(value)}`,
      );
    },
  );
});

describe("what is named", () => {
  test("an empty value", () => {
    expect(pathIssues({ productCode: "" })).toEqual([
      { field: "productCode", message: "must not be empty: it would change the path" },
    ]);
  });

  test("not a field the spec's rules already named, nor a value that is not a string", () => {
    const known = [{ field: "productCode", message: "is required" }];
    expect(pathIssues({ productCode: "", other: ".." }, known)).toEqual([
      { field: "other", message: dotIssue },
    ]);
    expect(pathIssues({ productCode: 0, other: null })).toEqual([]);
  });
});
