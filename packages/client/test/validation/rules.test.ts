// The rule checker on its own, with rules written here rather than the
// generated ones, so every kind of rule and every boundary is reached:
// arrays and their items, minimum and maximum, minLength, the default name.
import { describe, expect, test } from "vitest";
import { ConnectError } from "../../src/errors.js";
import { assertValid, issuesOf, type Rules } from "../../src/validate.js";

const rules: Rules = {
  name: { required: true, type: "string", minLength: 2, maxLength: 4 },
  count: { required: false, type: "integer", minimum: 1, maximum: 3 },
  items: {
    required: false,
    type: "array",
    items: { label: { required: true, type: "string" } },
  },
};

describe("boundaries are inclusive", () => {
  test.each([
    ["the shortest name", { name: "ab" }],
    ["the longest name", { name: "abcd" }],
    ["the smallest count", { name: "ab", count: 1 }],
    ["the largest count", { name: "ab", count: 3 }],
  ])("%s passes", (_, value) => {
    expect(issuesOf(rules, value)).toEqual([]);
  });

  test.each([
    ["a name one too short", { name: "a" }, "name", "must be at least 2 characters"],
    ["a name one too long", { name: "abcde" }, "name", "must be at most 4 characters"],
    ["a count one too small", { name: "ab", count: 0 }, "count", "must be at least 1"],
    ["a count one too large", { name: "ab", count: 4 }, "count", "must be at most 3"],
    ["a count that is not whole", { name: "ab", count: 1.5 }, "count", "must be an integer"],
    ["a name that is a number", { name: 12 }, "name", "must be a string"],
  ])("%s is refused", (_, value, field, message) => {
    expect(issuesOf(rules, value)).toEqual([{ field, message }]);
  });
});

describe("arrays", () => {
  test("an array of good items passes", () => {
    expect(issuesOf(rules, { name: "ab", items: [{ label: "x" }, { label: "y" }] })).toEqual([]);
  });

  test("a value that is not an array is refused", () => {
    expect(issuesOf(rules, { name: "ab", items: { label: "x" } })).toEqual([
      { field: "items", message: "must be an array" },
    ]);
  });

  test("each item is named by its place, and an item that is not an object says so", () => {
    expect(issuesOf(rules, { name: "ab", items: [{ label: "x" }, {}, "text", null, [1]] })).toEqual(
      [
        { field: "items[1].label", message: "is required" },
        { field: "items[2]", message: "must be an object" },
        { field: "items[3]", message: "must be an object" },
        { field: "items[4]", message: "must be an object" },
      ],
    );
  });
});

describe("assertValid", () => {
  test("names the body, every broken field and its rule", () => {
    let thrown: unknown;
    try {
      assertValid(rules, { name: "a", count: 9 }, "Test body");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectError);
    expect((thrown as ConnectError).code).toBe("invalid_request");
    expect((thrown as ConnectError).message).toBe(
      "Invalid Test body: name must be at least 2 characters; count must be at most 3",
    );
  });

  test("calls it a request when no name is given", () => {
    expect(() => assertValid(rules, {})).toThrow("Invalid request: name is required");
  });

  test("returns quietly for a valid body", () => {
    expect(assertValid(rules, { name: "abc" })).toBeUndefined();
  });
});
