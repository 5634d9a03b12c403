import { describe, expect, test } from "vitest";
import {
  buildInvoicePaymentUrl,
  buildPaymentChangeUrl,
  LOGIN_SERVERS,
  PAYMENT_CHANGE_PAGE_PATH,
  RedirectError,
} from "../../src/index.js";
import {
  LOGIN_SERVERS as SPEC_LOGIN_SERVERS,
  PAYMENT_CHANGE_ID,
  PAYMENT_CHANGE_PAGE_PATH as SPEC_PAGE_PATH,
} from "../../../../openapi/fixtures.mjs";

const valid = {
  loginServer: LOGIN_SERVERS.test,
  clientId: "no.mediaconnect.test",
  paymentChangeId: PAYMENT_CHANGE_ID,
  returnUrl: "https://shop.example/return",
  errorUrl: "https://shop.example/error",
};

const refusal = (build: () => unknown) => {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(RedirectError);
    const { field, rule } = error as RedirectError;
    return { field, rule };
  }
  throw new Error("expected a RedirectError");
};

describe("buildPaymentChangeUrl", () => {
  test("builds the documented payment change URL on the login server", () => {
    expect(PAYMENT_CHANGE_PAGE_PATH).toBe(SPEC_PAGE_PATH);
    expect(buildPaymentChangeUrl(valid)).toBe(
      `${SPEC_LOGIN_SERVERS.test}${SPEC_PAGE_PATH}` +
        "?clientId=no.mediaconnect.test" +
        "&returnUrl=https%3A%2F%2Fshop.example%2Freturn" +
        "&errorUrl=https%3A%2F%2Fshop.example%2Ferror" +
        `&paymentChangeId=${PAYMENT_CHANGE_ID}`,
    );
  });

  test("adds the optional PayEx ticket, encoded", () => {
    const url = new URL(buildPaymentChangeUrl({ ...valid, ticket: "4v8n&x=1" }));
    expect(url.searchParams.get("ticket")).toBe("4v8n&x=1");
    expect(url.searchParams.get("x")).toBeNull();
    expect([...url.searchParams.keys()]).toEqual([
      "clientId",
      "returnUrl",
      "errorUrl",
      "paymentChangeId",
      "ticket",
    ]);
  });

  test("a paymentChangeId may be a string of digits", () => {
    expect(buildPaymentChangeUrl({ ...valid, paymentChangeId: String(PAYMENT_CHANGE_ID) })).toBe(
      buildPaymentChangeUrl(valid),
    );
  });

  test.each([
    [{ paymentChangeId: 0 }, "paymentChangeId", "positive"],
    [{ paymentChangeId: 1.5 }, "paymentChangeId", "integer"],
    [{ paymentChangeId: "012" }, "paymentChangeId", "numeric_string"],
    [{ paymentChangeId: 2 ** 53 }, "paymentChangeId", "safe_integer"],
    [{ ticket: "" }, "ticket", "required"],
    [{ ticket: "a\nb" }, "ticket", "control_character"],
    [{ ticket: " a" }, "ticket", "whitespace"],
  ])("refuses %o: %s %s", (change, field, rule) => {
    expect(refusal(() => buildPaymentChangeUrl({ ...valid, ...change }))).toEqual({
      field,
      rule,
    });
  });

  test("shares every URL rule of the invoice URL", () => {
    const cases: Record<string, unknown>[] = [
      { loginServer: LOGIN_SERVERS.norway.replace("https:", "http:") },
      { loginServer: `${LOGIN_SERVERS.norway}?x=1` },
      { clientId: "" },
      { returnUrl: "javascript:alert(1)" },
      { errorUrl: "//evil.example" },
      { returnUrl: "https://user:pw@shop.example/" },
      { allowedReturnOrigins: ["https://other.example"] },
      { allowedReturnOrigins: [] },
    ];
    for (const change of cases) {
      const invoice = refusal(() =>
        buildInvoicePaymentUrl({ ...valid, transactionId: 1, ...change } as never),
      );
      expect(refusal(() => buildPaymentChangeUrl({ ...valid, ...change } as never))).toEqual(
        invoice,
      );
    }
    const allowed = buildPaymentChangeUrl({
      ...valid,
      allowedReturnOrigins: ["https://shop.example"],
    });
    expect(allowed).toBe(buildPaymentChangeUrl(valid));
  });
});
