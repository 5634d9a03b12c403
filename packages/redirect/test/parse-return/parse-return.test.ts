import { describe, expect, test } from "vitest";
import {
  DEFAULT_STATUS_PARAM,
  parsePaymentReturn,
  PAYMENT_RESULT_STATUSES,
  RedirectError,
} from "../../src/index.js";

const base = "https://shop.example/return";

describe("parsePaymentReturn", () => {
  test("the default parameter is paymentStatus (an assumption, see the README)", () => {
    expect(DEFAULT_STATUS_PARAM).toBe("paymentStatus");
  });

  test.each(PAYMENT_RESULT_STATUSES)("reads %s from every kind of input", (status) => {
    const href = `${base}?order=7&paymentStatus=${status}`;
    const inputs = [
      href,
      new URL(href),
      new URL(href).searchParams,
      new Request(href),
      `/return?paymentStatus=${status}`,
      `?paymentStatus=${status}`,
    ];
    for (const input of inputs) expect(parsePaymentReturn(input)).toEqual({ status });
  });

  test('gives "missing" when there is no status parameter', () => {
    expect(parsePaymentReturn(base)).toEqual({ status: "missing" });
    expect(parsePaymentReturn(`${base}?status=finished`)).toEqual({ status: "missing" });
    expect(parsePaymentReturn(`${base}#paymentStatus=finished`)).toEqual({ status: "missing" });
  });

  test.each([
    ["another value", "paymentStatus=paid"],
    ["another case", "paymentStatus=Finished"],
    ["a padded value", "paymentStatus=finished%20"],
    ["an empty value", "paymentStatus="],
    ["a bare name", "paymentStatus"],
    ["the parameter twice, same value", "paymentStatus=finished&paymentStatus=finished"],
    ["the parameter twice, smuggling finished", "paymentStatus=failed&paymentStatus=finished"],
    ["a prototype key", "paymentStatus=constructor"],
  ])('gives "unrecognized" for %s', (_name, query) => {
    expect(parsePaymentReturn(`${base}?${query}`).status).toBe("unrecognized");
  });

  test("reads the status from a parameter name you choose", () => {
    const href = `${base}?result=cancelled&paymentStatus=finished`;
    expect(parsePaymentReturn(href, { param: "result" })).toEqual({ status: "cancelled" });
  });

  test("refuses a param option that cannot work", () => {
    expect(() => parsePaymentReturn(base, { param: "" })).toThrow(RedirectError);
    expect(() => parsePaymentReturn(base, { param: "" })).toThrow(
      expect.objectContaining({ field: "param", rule: "required" }),
    );
    for (const param of ["cp_sig", "cp_tx"]) {
      expect(() => parsePaymentReturn(base, { param })).toThrow(
        expect.objectContaining({ field: "param", rule: "reserved_param" }),
      );
    }
  });

  test("reads the bound transactionId, unverified", () => {
    expect(parsePaymentReturn(`${base}?cp_tx=4242&paymentStatus=finished`)).toEqual({
      status: "finished",
      transactionId: 4242,
    });
  });

  test.each(["0", "012", "12a", "-1", "1.5", "9007199254740993", ""])(
    "leaves out a transactionId of %j",
    (value) => {
      expect(parsePaymentReturn(`${base}?cp_tx=${value}&paymentStatus=failed`)).toEqual({
        status: "failed",
      });
    },
  );

  test("leaves out a transactionId given twice", () => {
    expect(parsePaymentReturn(`${base}?cp_tx=1&cp_tx=2`)).toEqual({ status: "missing" });
  });

  test("does not throw on input that is not a URL at all", () => {
    for (const input of ["", "http://[", "::", "%", null, undefined, 42, {}, { url: 7 }]) {
      expect(parsePaymentReturn(input as string)).toEqual({ status: "missing" });
    }
  });

  test("does not throw on an object whose url cannot be read", () => {
    const hostile = {
      get url(): string {
        throw new Error("no url here");
      },
    } as Request;
    expect(parsePaymentReturn(hostile)).toEqual({ status: "missing" });
  });

  test("reads the transactionId from a bare query too", () => {
    const query = new URLSearchParams({ paymentStatus: "cancelled", cp_tx: "77", x: "a&b=c" });
    expect(parsePaymentReturn(query)).toEqual({ status: "cancelled", transactionId: 77 });
  });

  test("reads any object with a string url, like a Request from another realm", () => {
    const requestLike = { url: `${base}?paymentStatus=initiated` } as Request;
    expect(parsePaymentReturn(requestLike)).toEqual({ status: "initiated" });
  });
});
