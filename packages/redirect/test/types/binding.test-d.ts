import { describe, expectTypeOf, test } from "vitest";
import {
  bindReturnUrl,
  parsePaymentReturn,
  verifyPaymentReturn,
  type BindingSecret,
  type VerifiedPaymentReturn,
} from "../../src/index.js";

describe("binding types", () => {
  test("a secret is text, bytes or a CryptoKey, nothing else", () => {
    expectTypeOf<BindingSecret>().toEqualTypeOf<string | Uint8Array | CryptoKey>();
    const url = "https://shop.example/return";
    void bindReturnUrl(url, { transactionId: 1, secret: new Uint8Array(32) });
    void verifyPaymentReturn(url, { secret: {} as CryptoKey });
    // @ts-expect-error a number is not a secret
    void bindReturnUrl(url, { transactionId: 1, secret: 42 });
  });

  test("the bound params and transactionId exist only on a verified return", () => {
    const result = {} as VerifiedPaymentReturn;
    if (result.verified) {
      expectTypeOf(result.params).toEqualTypeOf<URLSearchParams>();
      expectTypeOf(result.transactionId).toEqualTypeOf<number>();
    } else {
      // @ts-expect-error nothing bound can be read from a return that did not verify
      void result.params;
      expectTypeOf(result.reason).toEqualTypeOf<
        "missing_signature" | "bad_signature" | "malformed"
      >();
    }
  });

  test("expectedOrigin and returnUrl are options of the readers that use them", () => {
    void verifyPaymentReturn("/return", { secret: "s", expectedOrigin: "https://shop.example" });
    void parsePaymentReturn("/return", { returnUrl: "https://shop.example/return" });
    // @ts-expect-error parsePaymentReturn has no origin to check
    void parsePaymentReturn("/return", { expectedOrigin: "https://shop.example" });
  });
});
