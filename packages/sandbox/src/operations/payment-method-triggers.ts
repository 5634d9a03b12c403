// Product codes that make List and Change payment method give one of their
// other responses (each fits the spec's 12 characters). README.md lists them.
import { ok, rateLimited, serverError, type ApiResponse } from "../answers.js";

/**
 * Product codes that make List and Change payment method give one of their
 * other responses (each fits the spec's 12 characters). README.md lists them.
 */
export const SANDBOX_PRODUCT_TRIGGERS = {
  /** `200 {}`: no `paymentMethodResponseItems`, no `paymentChangeId`. */
  emptyResponse: "TRIG-EMPTY",
  /** `429` with `Retry-After: 1` and the rate-limit headers, every time. */
  rateLimited: "TRIG-429",
  /** `500` with a JSON body. */
  serverError: "TRIG-500",
} as const;

/** The response of a product-code trigger, or `undefined` for an ordinary product. */
export function productTriggered(productCode: string): ApiResponse | undefined {
  switch (productCode) {
    case SANDBOX_PRODUCT_TRIGGERS.emptyResponse:
      return ok({});
    case SANDBOX_PRODUCT_TRIGGERS.rateLimited:
      return rateLimited();
    case SANDBOX_PRODUCT_TRIGGERS.serverError:
      return serverError();
  }
  return undefined;
}
