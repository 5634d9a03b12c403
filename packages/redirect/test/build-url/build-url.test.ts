import { describe, expect, test } from "vitest";
import {
  LOGIN_SERVERS as SPEC_LOGIN_SERVERS,
  PAY_PAGE_PATH,
  TRANSACTION_ID,
} from "../../../../openapi/fixtures.mjs";
import { buildInvoicePaymentUrl, LOGIN_SERVERS } from "../../src/index.js";

const valid = {
  loginServer: LOGIN_SERVERS.test,
  clientId: "no.mediaconnect.test",
  transactionId: TRANSACTION_ID,
  returnUrl: "https://shop.example/return",
  errorUrl: "https://shop.example/error",
};

describe("buildInvoicePaymentUrl", () => {
  test("builds the documented URL with every parameter", () => {
    expect(buildInvoicePaymentUrl(valid)).toBe(
      `${SPEC_LOGIN_SERVERS.test}${PAY_PAGE_PATH}` +
        "?clientId=no.mediaconnect.test" +
        "&returnUrl=https%3A%2F%2Fshop.example%2Freturn" +
        "&errorUrl=https%3A%2F%2Fshop.example%2Ferror" +
        `&transactionId=${TRANSACTION_ID}`,
    );
  });

  test.each(Object.entries(LOGIN_SERVERS))("uses the %s login server", (_name, server) => {
    const url = new URL(buildInvoicePaymentUrl({ ...valid, loginServer: server }));
    expect(url.origin + url.pathname).toBe(`${server}${PAY_PAGE_PATH}`);
  });

  test("gives the same URL with or without a trailing slash on the login server", () => {
    const without = buildInvoicePaymentUrl({ ...valid, loginServer: LOGIN_SERVERS.norway });
    expect(buildInvoicePaymentUrl({ ...valid, loginServer: `${LOGIN_SERVERS.norway}/` })).toBe(
      without,
    );
    expect(buildInvoicePaymentUrl({ ...valid, loginServer: `${LOGIN_SERVERS.norway}//` })).toBe(
      without,
    );
  });

  test("accepts a login server at the root of its host", () => {
    const url = buildInvoicePaymentUrl({ ...valid, loginServer: "https://login.example" });
    expect(url.slice(0, url.indexOf("?") + 1)).toBe(`https://login.example${PAY_PAGE_PATH}?`);
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
