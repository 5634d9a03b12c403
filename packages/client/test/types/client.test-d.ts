import { describe, expectTypeOf, test } from "vitest";
import { createRawClient } from "../../src/raw.js";
import { CHANGE_PAYMENT_METHOD_PATH, LIST_PAYMENT_METHODS_PATH } from "../../src/generated/spec.js";
import {
  createConnectClient,
  LISTED_PAYMENT_METHODS,
  PAY_INVOICE_PATH,
  PAYMENT_CHANGE_METHODS,
  PAYMENT_METHODS,
  type ClientInvoice,
  type ConnectError,
  type ConnectErrorCode,
  type PayInvoiceRequest,
  type PaymentMethod,
  type PaymentMethodItem,
  type UnlistedPaymentMethod,
  unlistedPaymentMethod,
} from "../../src/index.js";

const client = createConnectClient({ accessToken: "test-token" });
const raw = createRawClient({ accessToken: "test-token" });
// Any values do for the types; the methods are the spec's, from the generated lists.
const body = {
  invoiceNumber: "1",
  productCode: "P1",
  companyCode: "C1",
  paymentMethod: PAYMENT_METHODS[0],
} as const;
const PRODUCT = "P1";
const CHANGE = { paymentMethod: PAYMENT_CHANGE_METHODS[0] };

describe("payInvoice", () => {
  test("resolves to exactly { transactionId: number }", () => {
    expectTypeOf(client.payInvoice(body)).resolves.toEqualTypeOf<{ transactionId: number }>();
  });

  test("a wrong paymentMethod is a compile error", () => {
    // @ts-expect-error "cash" is not one of the spec's payment methods
    void client.payInvoice({ ...body, paymentMethod: "cash" });
    expectTypeOf<PaymentMethod>().toEqualTypeOf<(typeof PAYMENT_METHODS)[number]>();
  });

  test("a missing field is a compile error", () => {
    const { invoiceNumber: _, ...withoutInvoice } = body;
    // @ts-expect-error invoiceNumber is required
    void client.payInvoice(withoutInvoice);
    expectTypeOf<PayInvoiceRequest["invoiceNumber"]>().toEqualTypeOf<string>();
  });

  test("the signal is optional and typed", () => {
    expectTypeOf(client.payInvoice)
      .parameter(1)
      .toEqualTypeOf<{ signal?: AbortSignal } | undefined>();
  });
});

describe("options", () => {
  test("accessToken may be a string or a (possibly async) function", () => {
    createConnectClient({ accessToken: () => "t" });
    createConnectClient({ accessToken: async () => "t" });
    // @ts-expect-error the token is required
    createConnectClient({});
    // @ts-expect-error environment is "production" or "test"
    createConnectClient({ accessToken: "test-token", environment: "staging" });
  });
});

describe("raw", () => {
  test("raw is its own entry: the client made for payInvoice has none", () => {
    // @ts-expect-error createRawClient from @connect-payment/client/raw makes it
    void client.raw;
  });
  test("raw.POST knows the path, the body and the response", async () => {
    const { data } = await raw.POST(PAY_INVOICE_PATH, { body });
    expectTypeOf(data).toEqualTypeOf<{ success?: boolean; transactionId?: number } | undefined>();
    // @ts-expect-error not a path of the spec
    void raw.POST("/v1/api/payment/other", { body });
    // @ts-expect-error the body must match PayInvoiceRequest
    void raw.POST(PAY_INVOICE_PATH, { body: { invoiceNumber: "1" } });
  });
});

test("ConnectError's code is the documented union", () => {
  expectTypeOf<ConnectError["code"]>().toEqualTypeOf<ConnectErrorCode>();
  expectTypeOf<ConnectErrorCode>().toEqualTypeOf<
    | "invalid_request"
    | "payment_not_added"
    | "bad_request"
    | "unauthorized"
    | "forbidden"
    | "not_found"
    | "rate_limited"
    | "server_error"
    | "unexpected_response"
    | "network"
    | "timeout"
    | "aborted"
    | "token_unavailable"
  >();
});

test("token_unavailable is a code to branch on, its cause unknown", () => {
  const handle = (error: ConnectError) => {
    if (error.code == "token_unavailable") expectTypeOf(error.cause).toEqualTypeOf<unknown>();
  };
  expectTypeOf(handle).toBeFunction();
  // @ts-expect-error a misspelt code is no ConnectErrorCode
  const misspelt: ConnectErrorCode = "token_unavailble";
  void misspelt;
});

test("the provider's error fields and rate limits are typed on ConnectError", () => {
  expectTypeOf<ConnectError["exceptionType"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<ConnectError["errorMessage"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<ConnectError["oauthError"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<ConnectError["oauthErrorDescription"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<ConnectError["rateLimitRemaining"]>().toEqualTypeOf<number | undefined>();
  expectTypeOf<ConnectError["rateLimitResetMs"]>().toEqualTypeOf<number | undefined>();
});

test("allowInsecureHttp is a boolean and retryDelayMs a function", () => {
  createConnectClient({ accessToken: "t0k", allowInsecureHttp: true, retryDelayMs: () => 5 });
  // @ts-expect-error retryDelayMs must be a function
  createConnectClient({ accessToken: "t0k", retryDelayMs: "soon" });
  // @ts-expect-error allowInsecureHttp must be a boolean
  createConnectClient({ accessToken: "t0k", allowInsecureHttp: "yes" });
});

describe("listPaymentMethods and changePaymentMethod", () => {
  test("list resolves to items whose paymentMethod is a known method or any string", () => {
    expectTypeOf(client.listPaymentMethods(PRODUCT)).resolves.toEqualTypeOf<PaymentMethodItem[]>();
    expectTypeOf<Exclude<PaymentMethodItem["paymentMethod"], undefined>>().toEqualTypeOf<
      (typeof LISTED_PAYMENT_METHODS)[number] | (string & {})
    >();
    // @ts-expect-error the product code is a string
    void client.listPaymentMethods(42);
  });

  test("change resolves to exactly { paymentChangeId: number }", () => {
    expectTypeOf(client.changePaymentMethod(PRODUCT, CHANGE)).resolves.toEqualTypeOf<{
      paymentChangeId: number;
    }>();
  });

  test("a typo in a method is a compile error; unlistedPaymentMethod is the way out", () => {
    // @ts-expect-error "recurringPayexCard" is not a known change method
    void client.changePaymentMethod(PRODUCT, { paymentMethod: "recurringPayexCard" });
    void client.changePaymentMethod(PRODUCT, {
      paymentMethod: unlistedPaymentMethod("vippsRecurring"),
    });
    void client.payInvoice({ ...body, paymentMethod: unlistedPaymentMethod("klarna") });
    expectTypeOf(unlistedPaymentMethod).returns.toEqualTypeOf<UnlistedPaymentMethod>();
  });

  test("raw types both operations with no extra code", () => {
    void raw.GET(LIST_PAYMENT_METHODS_PATH, {
      params: { path: { productCode: PRODUCT } },
    });
    void raw.POST(CHANGE_PAYMENT_METHOD_PATH, {
      params: { path: { productCode: PRODUCT } },
      body: CHANGE,
    });
    void raw.POST(CHANGE_PAYMENT_METHOD_PATH, {
      params: { path: { productCode: PRODUCT } },
      // @ts-expect-error raw keeps the spec's known set
      body: { paymentMethod: "cash" },
    });
  });
});

test("client mode: a customer number and the client-mode invoice type", () => {
  const backOffice = createConnectClient({ accessToken: () => Promise.resolve("t") });
  expectTypeOf(backOffice.listClientInvoicesForProduct).parameter(0).toEqualTypeOf<number>();
  expectTypeOf(backOffice.listClientInvoices).returns.resolves.toEqualTypeOf<ClientInvoice[]>();
  expectTypeOf<ClientInvoice["invoiceId"]>().toEqualTypeOf<string | undefined>();
  // @ts-expect-error a customer number is a number, as the spec says
  void backOffice.listClientInvoices("42");
});
