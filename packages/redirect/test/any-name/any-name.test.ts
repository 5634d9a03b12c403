// The provider does not name the parameter that carries the result, so the
// default calls find it by its value among what ConnectID added.
import { describe, expect, test } from "vitest";
import { PAYMENT_RESULT_STATUSES } from "../../../../openapi/fixtures.mjs";
import { bindReturnUrl, parsePaymentReturn, verifyPaymentReturn } from "../../src/index.js";

const secret = "a-server-side-secret-of-32-bytes";
const transactionId = 41;
const returnUrl = "https://shop.example/return?order=7&mode=error";
const bound = await bindReturnUrl(returnUrl, { transactionId, secret });

describe.each(["paymentStatus", "status", "result"])("a result named %s", (name) => {
  test.each(PAYMENT_RESULT_STATUSES)(
    "reads %s from a bound return with the default calls",
    async (status) => {
      const back = `${bound}&${name}=${status}`;
      expect(parsePaymentReturn(back)).toEqual({ status, transactionId });
      expect(await verifyPaymentReturn(back, { secret })).toMatchObject({
        verified: true,
        status,
        transactionId,
      });
    },
  );

  test("reads an unbound return relative to the return URL it was sent", () => {
    const back = `${returnUrl}&${name}=cancelled`;
    expect(parsePaymentReturn(back, { returnUrl })).toEqual({ status: "cancelled" });
  });

  test("ignores added parameters that hold no result", async () => {
    const back = `${bound}&lang=nb&${name}=failed&ref=abc`;
    expect(await verifyPaymentReturn(back, { secret })).toMatchObject({ status: "failed" });
  });
});

describe("an explicit param", () => {
  test("wins over the search by value", async () => {
    const back = `${bound}&status=finished&result=cancelled`;
    expect(parsePaymentReturn(back, { param: "result" }).status).toBe("cancelled");
    expect(await verifyPaymentReturn(back, { secret, param: "status" })).toMatchObject({
      verified: true,
      status: "finished",
    });
  });

  test("reads only what ConnectID added: a bound parameter of that name does not count", () => {
    const sent = "https://shop.example/return?status=finished";
    expect(parsePaymentReturn(sent, { param: "status", returnUrl: sent }).status).toBe("missing");
  });

  test("with a name that is not there gives missing", () => {
    expect(parsePaymentReturn(`${bound}&status=finished`, { param: "result" }).status).toBe(
      "missing",
    );
  });
});

describe("the default name stays the last fallback", () => {
  test("an unbound return without the URL it was sent is read from paymentStatus only", () => {
    const base = "https://shop.example/return";
    expect(parsePaymentReturn(`${base}?paymentStatus=failed`).status).toBe("failed");
    expect(parsePaymentReturn(`${base}?status=failed`).status).toBe("missing");
  });

  test("added parameters without a documented result leave paymentStatus to decide", async () => {
    expect(parsePaymentReturn(`${bound}&paymentStatus=paid`).status).toBe("unrecognized");
    expect(parsePaymentReturn(`${bound}&lang=nb`).status).toBe("missing");
    expect(parsePaymentReturn(bound).status).toBe("missing");
  });
});

describe("added parameters that cannot be one result are unrecognized", () => {
  test.each([
    ["two names that disagree", "&status=finished&result=cancelled"],
    ["two names that agree", "&status=finished&result=finished"],
    ["one name twice, same value", "&status=finished&status=finished"],
    ["one name twice, smuggling finished", "&status=failed&status=finished"],
    ["a result beside another value of the same name", "&status=finished&status=x"],
    ["paymentStatus disagreeing with another name", "&paymentStatus=paid&status=finished"],
  ])("%s", async (_name, addition) => {
    expect(parsePaymentReturn(`${bound}${addition}`).status).toBe("unrecognized");
    expect(await verifyPaymentReturn(`${bound}${addition}`, { secret })).toMatchObject({
      verified: true,
      status: "unrecognized",
    });
    expect(parsePaymentReturn(`${returnUrl}${addition}`, { returnUrl }).status).toBe(
      "unrecognized",
    );
  });
});

describe("relative to the return URL that was sent", () => {
  test("a parameter of the merchant's own that holds a result value does not count", () => {
    // mode=error is the merchant's, sent with the return URL.
    expect(parsePaymentReturn(`${returnUrl}&result=finished`, { returnUrl }).status).toBe(
      "finished",
    );
    expect(parsePaymentReturn(returnUrl, { returnUrl }).status).toBe("missing");
  });

  test("a merchant parameter repeated by ConnectID counts once as added", () => {
    expect(parsePaymentReturn(`${returnUrl}&mode=error`, { returnUrl }).status).toBe("error");
  });

  test("an addition placed before the merchant's own parameters is found", () => {
    const sent = "https://shop.example/return?a=1&mode=error";
    const back = "https://shop.example/return?result=finished&a=1&mode=error";
    expect(parsePaymentReturn(back, { returnUrl: sent }).status).toBe("finished");
  });

  test("the first parameter of the return URL repeated by ConnectID counts once as added", () => {
    const sent = "https://shop.example/return?mode=error";
    expect(parsePaymentReturn(`${sent}&mode=error`, { returnUrl: sent }).status).toBe("error");
  });

  test("the returnUrl option follows the URL rules", () => {
    expect(() => parsePaymentReturn(returnUrl, { returnUrl: "/return" })).toThrow(
      expect.objectContaining({ field: "returnUrl", rule: "relative" }),
    );
  });
});
