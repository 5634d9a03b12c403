// The two styles of amounts and dates the provider's Invoice pages show
// ("295.00" or 295; "2022-01-21" or epoch milliseconds), read and written by
// the record: each rule at its edges, days in the provider's zone.
import { describe, expect, it } from "vitest";
import {
  addDays,
  amountLike,
  dateLike,
  dayOf,
  isDay,
  isInvoiceDate,
  minorUnits,
} from "../../src/invoices/values.js";

const DAY_MS = 86_400_000;

describe("minorUnits", () => {
  it.each([
    ["310.00", 31000],
    ["0.30", 30],
    ["7", 700],
    ["9999999999999.99", 999999999999999],
    [295, 29500],
    [2.95, 295],
    [0, 0],
    [9999999999999, 999999999999900],
  ])("reads %j as %j minor units", (amount, units) => {
    expect(minorUnits(amount)).toBe(units);
  });

  it.each([
    ["2,95"],
    ["1.234"],
    ["-1.00"],
    [""],
    ["10000000000000"],
    [-0.01],
    [1e13],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [true],
  ])("reads %j as no amount", (amount) => {
    expect(minorUnits(amount)).toBeUndefined();
  });
});

describe("amountLike", () => {
  it("writes minor units in the style of the amount it is given", () => {
    expect(amountLike("310.00", 14750)).toBe("147.50");
    expect(amountLike("0", 5)).toBe("0.05");
    expect(amountLike(295, 14750)).toBe(147.5);
    expect(amountLike(0, 5)).toBe(0.05);
  });
});

describe("isDay and isInvoiceDate", () => {
  it.each(["2024-02-29", "1970-01-01", "2999-12-31"])("%s is a day", (day) => {
    expect(isDay(day)).toBe(true);
    expect(isInvoiceDate(day)).toBe(true);
  });

  it.each(["2023-02-29", "2024-13-01", "2024-1-01", " 2024-02-29", "2024-02-29T00:00", 20240229])(
    "%j is not a day",
    (day) => {
      expect(isDay(day)).toBe(false);
    },
  );

  it("takes whole, non-negative epoch milliseconds as a date, and nothing else", () => {
    expect(isInvoiceDate(0)).toBe(true);
    expect(isInvoiceDate(1700000000000)).toBe(true);
    expect(isInvoiceDate(-1)).toBe(false);
    expect(isInvoiceDate(1.5)).toBe(false);
    expect(isInvoiceDate("1700000000000")).toBe(false);
    expect(isInvoiceDate(null)).toBe(false);
  });
});

describe("dayOf", () => {
  it("keeps a day as written", () => {
    expect(dayOf("2024-02-29")).toBe("2024-02-29");
  });

  it("reads epoch milliseconds in Europe/Oslo, the provider's zone", () => {
    // 23:30 UTC on 9 January is 00:30 on 10 January in Oslo (UTC+1 in winter).
    expect(dayOf(Date.UTC(2024, 0, 9, 23, 30))).toBe("2024-01-10");
    expect(dayOf(Date.UTC(2024, 0, 9, 22, 30))).toBe("2024-01-09");
    // 22:30 UTC in July is 00:30 the next day in Oslo (UTC+2 in summer).
    expect(dayOf(Date.UTC(2024, 6, 1, 22, 30))).toBe("2024-07-02");
  });
});

describe("dateLike and addDays", () => {
  const noon = Date.UTC(2024, 0, 31, 12);

  it("gives the day so many days from a moment, in the style asked for", () => {
    expect(dateLike("epoch", noon, 2)).toBe(noon + 2 * DAY_MS);
    expect(dateLike("epoch", noon, -3)).toBe(noon - 3 * DAY_MS);
    expect(dateLike("day", noon, 1)).toBe("2024-02-01");
    expect(dateLike("day", noon, -31)).toBe("2023-12-31");
    expect(dateLike("day", noon, 0)).toBe("2024-01-31");
  });

  it("moves a date by whole days in its own style, across months and leap days", () => {
    expect(addDays(noon, 14)).toBe(noon + 14 * DAY_MS);
    expect(addDays(noon, -1)).toBe(noon - DAY_MS);
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2023-12-25", 14)).toBe("2024-01-08");
    expect(addDays("2024-01-08", 0)).toBe("2024-01-08");
  });
});
