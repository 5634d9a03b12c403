// Every rule of buildInvoicePaymentUrl: a typed error naming the field and the rule.
import { describe, expect, test } from "vitest";
import {
  buildInvoicePaymentUrl,
  LOGIN_SERVERS,
  RedirectError,
  type InvoicePaymentUrlOptions,
  type RedirectErrorRule,
} from "../../src/index.js";

const valid: InvoicePaymentUrlOptions = {
  loginServer: LOGIN_SERVERS.norway,
  clientId: "no.mediaconnect.test",
  transactionId: 42,
  returnUrl: "https://shop.example/return",
  errorUrl: "https://shop.example/error",
};

function errorFor(options: Record<string, unknown>): RedirectError {
  try {
    buildInvoicePaymentUrl({ ...valid, ...options } as InvoicePaymentUrlOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(RedirectError);
    return error as RedirectError;
  }
  throw new Error("expected a RedirectError");
}

const badUrls: [string, unknown, RedirectErrorRule][] = [
  ["missing", undefined, "required"],
  ["empty", "", "required"],
  ["not a string", 42, "required"],
  ["relative path", "/return", "relative"],
  ["relative name", "return.html", "relative"],
  ["protocol-relative", "//evil.example/return", "protocol_relative"],
  ["protocol-relative with backslashes", "\\\\evil.example/return", "protocol_relative"],
  ["javascript:", "javascript:alert(1)", "scheme"],
  ["JavaScript: in capitals", "JavaScript:alert(1)", "scheme"],
  ["data:", "data:text/html,<script>alert(1)</script>", "scheme"],
  ["ftp:", "ftp://shop.example/return", "scheme"],
  ["plain http on a public host", "http://shop.example/return", "insecure_http"],
  ["plain http on a look-alike of localhost", "http://localhost.evil.example/", "insecure_http"],
  ["user and password", "https://user:pass@shop.example/return", "credentials"],
  ["user only", "https://user@shop.example/return", "credentials"],
  ["tab in the middle", "https://shop.exa\tmple/return", "control_character"],
  ["newline in the middle", "https://shop.example/re\nturn", "control_character"],
  ["NUL in the middle", "https://shop.example/\u0000return", "control_character"],
  ["DEL", "https://shop.example/\u007freturn", "control_character"],
  ["C1 control", "https://shop.example/\u0085return", "control_character"],
  ["leading space", " https://shop.example/return", "whitespace"],
  ["trailing space", "https://shop.example/return ", "whitespace"],
];

describe.each(["returnUrl", "errorUrl", "loginServer"])("%s", (field) => {
  test.each(badUrls)("refuses %s", (_name, value, rule) => {
    const error = errorFor({ [field]: value });
    expect(error).toMatchObject({ code: "invalid_option", field, rule, name: "RedirectError" });
    expect(error.message).toContain(field);
    expect(error.message).toContain(rule);
  });
});

test("refuses a login server with a query or a fragment", () => {
  expect(errorFor({ loginServer: `${LOGIN_SERVERS.norway}?x=1` })).toMatchObject({
    field: "loginServer",
    rule: "query_or_fragment",
  });
  expect(errorFor({ loginServer: `${LOGIN_SERVERS.norway}#x` })).toMatchObject({
    field: "loginServer",
    rule: "query_or_fragment",
  });
});

describe("clientId", () => {
  test.each<[string, unknown, RedirectErrorRule]>([
    ["empty", "", "required"],
    ["missing", undefined, "required"],
    ["a control character", "no.media\u0000connect", "control_character"],
    ["a newline", "no.mediaconnect\n", "control_character"],
    ["surrounding whitespace", " no.mediaconnect.test", "whitespace"],
  ])("refuses %s", (_name, clientId, rule) => {
    expect(errorFor({ clientId })).toMatchObject({ field: "clientId", rule });
  });
});

describe("transactionId", () => {
  test.each<[string, unknown, RedirectErrorRule]>([
    ["0", 0, "positive"],
    ["negative", -5, "positive"],
    ["-0", -0, "positive"],
    ["a float", 1.5, "integer"],
    ["NaN", Number.NaN, "integer"],
    ["Infinity", Number.POSITIVE_INFINITY, "integer"],
    ["-Infinity", Number.NEGATIVE_INFINITY, "integer"],
    ["above MAX_SAFE_INTEGER", Number.MAX_SAFE_INTEGER + 1, "safe_integer"],
    ["a huge integer", 1e300, "safe_integer"],
    ["a huge numeric string", "9007199254740993", "safe_integer"],
    ["missing", undefined, "integer"],
    ["a boolean", true, "integer"],
    ["a bigint", 12n, "integer"],
    ['"12a"', "12a", "numeric_string"],
    ['" 12"', " 12", "numeric_string"],
    ['"12 "', "12 ", "numeric_string"],
    ['"012" (leading zero: ambiguous, so refused)', "012", "numeric_string"],
    ['"0"', "0", "numeric_string"],
    ['"-12"', "-12", "numeric_string"],
    ['"+12"', "+12", "numeric_string"],
    ['"1e3"', "1e3", "numeric_string"],
    ['"1.0"', "1.0", "numeric_string"],
    ['"0x1F"', "0x1F", "numeric_string"],
    ["empty string", "", "numeric_string"],
  ])("refuses %s", (_name, transactionId, rule) => {
    expect(errorFor({ transactionId })).toMatchObject({ field: "transactionId", rule });
  });
});

describe("allowedReturnOrigins", () => {
  test("refuses a return URL outside the allowlist", () => {
    expect(
      errorFor({
        allowedReturnOrigins: ["https://shop.example"],
        returnUrl: "https://evil.example/",
      }),
    ).toMatchObject({ field: "returnUrl", rule: "origin_not_allowed" });
  });

  test("refuses an error URL outside the allowlist", () => {
    expect(
      errorFor({
        allowedReturnOrigins: ["https://shop.example"],
        errorUrl: "https://evil.example/",
      }),
    ).toMatchObject({ field: "errorUrl", rule: "origin_not_allowed" });
  });

  test("compares whole origins: another port or scheme is another origin", () => {
    const allowedReturnOrigins = ["https://shop.example"];
    expect(errorFor({ allowedReturnOrigins, returnUrl: "https://shop.example:8443/" }).rule).toBe(
      "origin_not_allowed",
    );
    expect(
      errorFor({ allowedReturnOrigins, returnUrl: "https://shop.example.evil.example/" }).rule,
    ).toBe("origin_not_allowed");
  });

  test("refuses an empty allowlist and a bad entry", () => {
    expect(errorFor({ allowedReturnOrigins: [] })).toMatchObject({
      field: "allowedReturnOrigins",
      rule: "required",
    });
    expect(errorFor({ allowedReturnOrigins: ["shop.example"] })).toMatchObject({
      field: "allowedReturnOrigins",
      rule: "relative",
    });
  });
});

test("an error message never repeats the rejected value", () => {
  const error = errorFor({ returnUrl: "https://user:hunter2-secret@shop.example/" });
  expect(error.message).not.toContain("hunter2");
  expect(JSON.stringify(error)).not.toContain("hunter2");
});
