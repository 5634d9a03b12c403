// startSandbox's options on their own: every rule at its edges, each refusal
// naming the option, the value and the rule, all of them at once.
import { describe, expect, it } from "vitest";
import { PROVIDER_RATE_LIMITS } from "../../src/rate-limits.js";
import { checkOptions } from "../../src/sandbox-options.js";
import type { SandboxOptions } from "../../src/index.js";

const refusal = (options: Record<string, unknown>) => {
  try {
    checkOptions(options as SandboxOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  return undefined;
};

describe("whole numbers, at both ends of their range", () => {
  it.each([
    ["port", 0, 65535],
    ["latencyMs", 0, 600_000],
    ["slowResponseMs", 0, 600_000],
    ["paidRecordDelayMs", 0, 24 * 60 * 60 * 1000],
    ["tokenLifetimeSeconds", 1, Number.MAX_SAFE_INTEGER],
    ["maxLoggedRequests", 1, Number.MAX_SAFE_INTEGER],
    ["maxLoggedBytes", 1024, Number.MAX_SAFE_INTEGER],
  ])("%s takes %i to %i", (name, min, max) => {
    expect(refusal({ [name]: min })).toBeUndefined();
    expect(refusal({ [name]: max })).toBeUndefined();
    expect(refusal({ [name]: min - 1 })).toBe(
      `startSandbox: ${name} must be a whole number from ${min} to ${max}, got ${min - 1}`,
    );
    if (max < Number.MAX_SAFE_INTEGER) {
      expect(refusal({ [name]: max + 1 })).toContain(`${name} must be a whole number`);
    }
    expect(refusal({ [name]: min + 0.5 })).toContain(`got ${min + 0.5}`);
  });
});

describe("the other options", () => {
  it("names every bad option at once", () => {
    expect(
      refusal({
        port: -1,
        statusParam: "a b",
        allowedHosts: ["ok", "bad host"],
        invoicesWithoutDates: "none",
      }),
    ).toBe(
      "startSandbox: port must be a whole number from 0 to 65535, got -1; " +
        "statusParam must be a non-empty name of letters, digits, _ . ~ or -; " +
        'allowedHosts must be a list of host names without port, e.g. ["sandbox"]; ' +
        'invoicesWithoutDates must be "latest" or "all"',
    );
  });

  it("takes the names it documents", () => {
    expect(refusal({ statusParam: "a.b~c-d_1", allowedHosts: ["one", "two"] })).toBeUndefined();
    expect(refusal({ invoicesWithoutDates: "latest" })).toBeUndefined();
    expect(refusal({ invoicesWithoutDates: "all" })).toBeUndefined();
    expect(refusal({ statusParam: 7 })).toContain("statusParam must be");
    expect(refusal({ allowedHosts: "one" })).toContain("allowedHosts must be");
  });

  it("takes a clock speed above 0 and up to 10000", () => {
    expect(refusal({ clockSpeed: 10_000 })).toBeUndefined();
    expect(refusal({ clockSpeed: 0.001 })).toBeUndefined();
    expect(refusal({ clockSpeed: 10_001 })).toBe(
      "startSandbox: clockSpeed must be a number above 0 and at most 10000, got 10001",
    );
    expect(refusal({ clockSpeed: 0 })).toContain("clockSpeed must be");
    expect(refusal({ clockSpeed: "2" })).toContain('got "2"');
  });
});

describe("rate limits", () => {
  it("takes true, false, or either limit from 1", () => {
    for (const rateLimits of [true, false, { perSecond: 1 }, { perMinute: 1 }, {}]) {
      expect(refusal({ rateLimits })).toBeUndefined();
    }
    expect(checkOptions({ rateLimits: true }).rateLimits).toEqual(PROVIDER_RATE_LIMITS);
    expect(checkOptions({ rateLimits: { perSecond: 3 } }).rateLimits).toEqual({
      ...PROVIDER_RATE_LIMITS,
      perSecond: 3,
    });
    expect(checkOptions({ rateLimits: false }).rateLimits).toBeUndefined();
    expect(checkOptions({}).rateLimits).toBeUndefined();
  });

  it("names a limit below 1 or not whole, and a value that is not a set of limits", () => {
    expect(refusal({ rateLimits: { perSecond: 0, perMinute: 1.5 } })).toBe(
      "startSandbox: rateLimits.perSecond must be a whole number of calls from 1, got 0; " +
        "rateLimits.perMinute must be a whole number of calls from 1, got 1.5",
    );
    for (const rateLimits of ["yes", null, 5]) {
      expect(refusal({ rateLimits, clockSpeed: -1 })).toBe(
        "startSandbox: clockSpeed must be a number above 0 and at most 10000, got -1; " +
          "rateLimits must be true, false or { perSecond, perMinute }",
      );
    }
  });
});
