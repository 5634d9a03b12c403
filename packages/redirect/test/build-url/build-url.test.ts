import { describe, expect, test } from "vitest";
import { buildInvoicePaymentUrl, LOGIN_SERVERS } from "../../src/index.js";

const valid = {
  loginServer: LOGIN_SERVERS.test,
  clientId: "no.mediaconnect.test",
  transactionId: 12378954,
  returnUrl: "https://shop.example/return",
  errorUrl: "https://shop.example/error",
};

describe("buildInvoicePaymentUrl", () => {
  test("builds the documented URL with every parameter", () => {
    expect(buildInvoicePaymentUrl(valid)).toBe(
      "https://api-test.mediaconnect.no/login/payment/invoice/pay" +
        "?clientId=no.mediaconnect.test" +
        "&returnUrl=https%3A%2F%2Fshop.example%2Freturn" +
        "&errorUrl=https%3A%2F%2Fshop.example%2Ferror" +
        "&transactionId=12378954",
    );
  });

  test.each(Object.entries(LOGIN_SERVERS))("uses the %s login server", (_name, server) => {
    const url = new URL(buildInvoicePaymentUrl({ ...valid, loginServer: server }));
    expect(url.origin + url.pathname).toBe(`${server}/payment/invoice/pay`);
  });

  test("gives the same URL with or without a trailing slash on the login server", () => {
    const without = buildInvoicePaymentUrl({ ...valid, loginServer: "https://connectid.no/user" });
    expect(buildInvoicePaymentUrl({ ...valid, loginServer: "https://connectid.no/user/" })).toBe(
      without,
    );
    expect(buildInvoicePaymentUrl({ ...valid, loginServer: "https://connectid.no/user//" })).toBe(
      without,
    );
  });

  test("accepts a login server at the root of its host", () => {
    expect(buildInvoicePaymentUrl({ ...valid, loginServer: "https://login.example" })).toMatch(
      /^https:\/\/login\.example\/payment\/invoice\/pay\?/,
    );
  });

  test("keeps a return URL's query and fragment intact, encoded exactly once", () => {
    const returnUrl = "https://shop.example/return?order=A%2F1&lang=nb&q=a+b#receipt";
    const errorUrl = "https://shop.example/error?x=%25";
    const url = new URL(buildInvoicePaymentUrl({ ...valid, returnUrl, errorUrl }));
    expect(url.searchParams.get("returnUrl")).toBe(returnUrl);
    expect(url.searchParams.get("errorUrl")).toBe(errorUrl);
    // Encoded once: decoding once gives the URL back, not a still-encoded one.
    expect(url.search).toContain(encodeURIComponent(returnUrl));
    expect(url.search).not.toContain(encodeURIComponent(encodeURIComponent(returnUrl)));
  });

  test("encodes a clientId with reserved characters", () => {
    const url = new URL(buildInvoicePaymentUrl({ ...valid, clientId: "a&b=c d/é?" }));
    expect(url.searchParams.get("clientId")).toBe("a&b=c d/é?");
    expect([...url.searchParams.keys()]).toEqual([
      "clientId",
      "returnUrl",
      "errorUrl",
      "transactionId",
    ]);
  });

  test("takes a transactionId given as a numeric string", () => {
    const url = new URL(buildInvoicePaymentUrl({ ...valid, transactionId: "9007199254740991" }));
    expect(url.searchParams.get("transactionId")).toBe("9007199254740991");
  });

  test("sends the URLs as the parser normalised them, so no parser can read them differently", () => {
    const url = new URL(
      buildInvoicePaymentUrl({ ...valid, returnUrl: "https://SHOP.example:443/a/../return\\x" }),
    );
    expect(url.searchParams.get("returnUrl")).toBe("https://shop.example/return/x");
  });

  test("allows plain http only on loopback hosts", () => {
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
      const returnUrl = `http://${host}:3000/return`;
      const url = new URL(
        buildInvoicePaymentUrl({ ...valid, returnUrl, loginServer: `http://${host}:4000/login` }),
      );
      expect(url.searchParams.get("returnUrl")).toBe(returnUrl);
    }
  });

  test("accepts return and error URLs whose origins are in the allowlist", () => {
    const url = buildInvoicePaymentUrl({
      ...valid,
      allowedReturnOrigins: ["https://other.example", "https://shop.example/ignored-path"],
    });
    expect(new URL(url).searchParams.get("returnUrl")).toBe(valid.returnUrl);
  });
});
