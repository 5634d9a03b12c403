import { describe, expectTypeOf, test } from "vitest";
import type {
  ApiError,
  OAuthError,
  TransactionId,
  PayInvoiceRequest,
  PayInvoiceResponse,
  PaymentMethod,
  PaymentResultStatus,
  ListedPaymentMethod,
  PaymentMethodItem,
  ListPaymentMethodsResponse,
  PaymentChangeMethod,
  ChangePaymentMethodRequest,
  ChangePaymentMethodResponse,
  PaymentChangeId,
  paths,
  operations,
} from "../index.js";

describe("the types follow the spec", () => {
  test("PaymentMethod is exactly the four documented values", () => {
    expectTypeOf<PaymentMethod>().toEqualTypeOf<
      "creditcardPayex" | "swishPayex" | "vippsEcommerce" | "nexi"
    >();
  });

  test("PaymentResultStatus is exactly the six documented values", () => {
    expectTypeOf<PaymentResultStatus>().toEqualTypeOf<
      "finished" | "cancelled" | "failed" | "unknown" | "initiated" | "error"
    >();
  });

  test("every request field is a required string (or the method union)", () => {
    expectTypeOf<PayInvoiceRequest>().toEqualTypeOf<{
      invoiceNumber: string;
      productCode: string;
      companyCode: string;
      paymentMethod: PaymentMethod;
    }>();
  });

  test("a request missing a field, or with an unknown method, does not compile", () => {
    // @ts-expect-error paymentMethod is required
    const missing: PayInvoiceRequest = { invoiceNumber: "1", productCode: "p", companyCode: "c" };
    const wrongMethod: PayInvoiceRequest = {
      invoiceNumber: "1",
      productCode: "p",
      companyCode: "c",
      // @ts-expect-error "cash" is not a payment method
      paymentMethod: "cash",
    };
    expectTypeOf(missing).toEqualTypeOf<PayInvoiceRequest>();
    expectTypeOf(wrongMethod).toEqualTypeOf<PayInvoiceRequest>();
  });

  test("transactionId is a number, and both answer fields are optional", () => {
    expectTypeOf<PayInvoiceResponse["transactionId"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PayInvoiceResponse["success"]>().toEqualTypeOf<boolean | undefined>();
  });

  test("paths and operations describe the Pay invoice operation", () => {
    type Body = NonNullable<
      paths["/v1/api/payment/invoice"]["post"]["requestBody"]
    >["content"]["application/json"];
    expectTypeOf<Body>().toEqualTypeOf<PayInvoiceRequest>();
    expectTypeOf<
      operations["payInvoice"]["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<PayInvoiceResponse>();
  });

  test("the error bodies from integrations are optional-only, and 401/429 are typed", () => {
    expectTypeOf<ApiError>().toEqualTypeOf<{ exceptionType?: string; errorMessage?: string }>();
    expectTypeOf<OAuthError>().toEqualTypeOf<{ error?: string; error_description?: string }>();
    expectTypeOf<TransactionId>().toEqualTypeOf<number>();
    type Responses = operations["payInvoice"]["responses"];
    expectTypeOf<Responses[400]["content"]["application/json"]>().toEqualTypeOf<ApiError>();
    expectTypeOf<Responses[401]["content"]["application/json"]>().toEqualTypeOf<OAuthError>();
    expectTypeOf<Responses[429]["headers"]["Retry-After"]>().toEqualTypeOf<string>();
    expectTypeOf<Responses[429]["headers"]["X-RateLimit-Remaining"]>().toEqualTypeOf<number>();
  });
});

describe("the rest of the Payment section", () => {
  test("a response's paymentMethod is a known method or any string", () => {
    expectTypeOf<ListedPaymentMethod>().toEqualTypeOf<"recurringPayment">();
    const known: PaymentMethodItem = { paymentMethod: "recurringPayment", isActive: "Y" };
    const added: PaymentMethodItem = { paymentMethod: "someMethodAddedLater" };
    expectTypeOf(known.paymentMethod).toEqualTypeOf<
      ListedPaymentMethod | (string & {}) | undefined
    >();
    expectTypeOf(added).toEqualTypeOf<PaymentMethodItem>();
    expectTypeOf<ListPaymentMethodsResponse["paymentMethodResponseItems"]>().toEqualTypeOf<
      PaymentMethodItem[] | undefined
    >();
  });

  test("a change request keeps the known set", () => {
    expectTypeOf<PaymentChangeMethod>().toEqualTypeOf<"recurringPayExCardPayment">();
    expectTypeOf<ChangePaymentMethodRequest>().toEqualTypeOf<{
      paymentMethod: PaymentChangeMethod;
    }>();
    // @ts-expect-error "cash" is not a known method: a typo is caught
    const typo: ChangePaymentMethodRequest = { paymentMethod: "cash" };
    expectTypeOf(typo).toEqualTypeOf<ChangePaymentMethodRequest>();
  });

  test("paymentChangeId is an optional number", () => {
    expectTypeOf<ChangePaymentMethodResponse["paymentChangeId"]>().toEqualTypeOf<
      PaymentChangeId | undefined
    >();
    expectTypeOf<PaymentChangeId>().toEqualTypeOf<number>();
  });

  test("one path holds both operations", () => {
    type Item = paths["/v1/product/payment/{productCode}"];
    expectTypeOf<Item["get"]>().toEqualTypeOf<operations["listPaymentMethods"]>();
    expectTypeOf<Item["post"]>().toEqualTypeOf<operations["changePaymentMethod"]>();
  });
});
