// The kinds of rule the Invoice schemas brought (oneOf, objects and their
// fields, arrays of plain values, calendar dates), each with the exact issue
// it gives: a caller reads the field and the message, so both are asserted.
import { describe, expect, test } from "vitest";
import { isCalendarDate, issuesOf, type Rules } from "../../src/validate.js";

describe("oneOf", () => {
  const rules: Rules = {
    id: { oneOf: [{ type: "string" }, { type: "integer" }] },
    ref: { oneOf: [{ type: "integer" }, { type: "boolean" }] },
  };

  test("a value meeting any branch passes", () => {
    expect(issuesOf(rules, { id: "A-1", ref: true })).toEqual([]);
    expect(issuesOf(rules, { id: 7, ref: 3 })).toEqual([]);
  });

  test("a value meeting none names every branch, with its article", () => {
    expect(issuesOf(rules, { id: 1.5, ref: "x" })).toEqual([
      { field: "id", message: "must be a string or an integer" },
      { field: "ref", message: "must be an integer or a boolean" },
    ]);
  });
});

describe("objects and their fields", () => {
  const rules: Rules = {
    open: { type: "object" },
    amount: {
      type: "object",
      fields: { value: { required: true, type: "number" }, currency: { type: "string" } },
    },
  };

  test("a field that is not an object is refused; any object passes an open rule", () => {
    expect(issuesOf(rules, { open: [] })).toEqual([
      { field: "open", message: "must be an object" },
    ]);
    expect(issuesOf(rules, { open: null })).toEqual([
      { field: "open", message: "must be an object" },
    ]);
    expect(issuesOf(rules, { open: { anything: 1 } })).toEqual([]);
  });

  test("the fields of an object are checked and named by their path", () => {
    expect(issuesOf(rules, { amount: { value: 1, currency: "NOK" } })).toEqual([]);
    expect(issuesOf(rules, { amount: { currency: 578 } })).toEqual([
      { field: "amount.value", message: "is required" },
      { field: "amount.currency", message: "must be a string" },
    ]);
  });

  test("fields are not looked for in a value that is not an object", () => {
    expect(issuesOf(rules, { amount: "12 NOK" })).toEqual([
      { field: "amount", message: "must be an object" },
    ]);
  });
});

describe("arrays of plain values", () => {
  const rules: Rules = { tags: { type: "array", each: { type: "string", maxLength: 3 } } };

  test("each broken item is named by its place", () => {
    expect(issuesOf(rules, { tags: ["a", 2, "long"] })).toEqual([
      { field: "tags[1]", message: "must be a string" },
      { field: "tags[2]", message: "must be at most 3 characters" },
    ]);
  });
});

describe("calendar dates", () => {
  test.each(["2024-02-29", "1999-12-31"])("%s is a date", (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  test.each(["x2024-01-01", "2024-01-01x", "2024-01-01T00:00:00Z", "2023-02-29", "2024-1-01"])(
    "%s is not",
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
      expect(issuesOf({ day: { type: "string", format: "date" } }, { day: value })).toEqual([
        { field: "day", message: "must be a date as YYYY-MM-DD" },
      ]);
    },
  );
});

describe("strings are measured in code points", () => {
  test("a string of exactly the longest length passes, in code points", () => {
    const rules: Rules = { name: { type: "string", maxLength: 2 } };
    expect(issuesOf(rules, { name: "ab" })).toEqual([]);
    expect(issuesOf(rules, { name: "😀😀" })).toEqual([]);
    expect(issuesOf(rules, { name: "😀😀😀" })).toEqual([
      { field: "name", message: "must be at most 2 characters" },
    ]);
  });
});
