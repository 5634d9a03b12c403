// The hand-written entry of the types package: the generated `paths`,
// `components` and `operations`, plus the names people reach for.
import type * as generated from "./generated/openapi.js";

/** Every path of the spec with its operations, for `createClient<paths>()` of openapi-fetch. */
export type paths = generated.paths;

/** Every schema of the spec, under `components["schemas"]`. */
export type components = generated.components;

/** Every operation of the spec by its `operationId`, such as `operations["payInvoice"]`. */
export type operations = generated.operations;

/** The body of Pay invoice: which invoice to pay and with which method. */
export type PayInvoiceRequest = components["schemas"]["PayInvoiceRequest"];

/** The 200 answer of Pay invoice. Both fields are optional in the reference. */
export type PayInvoiceResponse = components["schemas"]["PayInvoiceResponse"];

/** One of the four payment methods Pay invoice accepts. */
export type PaymentMethod = components["schemas"]["PaymentMethod"];

/** The result ConnectID appends to `returnUrl` when the customer comes back. */
export type PaymentResultStatus = components["schemas"]["PaymentResultStatus"];

/**
 * A Pay invoice transaction id: an integer from 1 to 2^53 - 1. The bounds are
 * the SDK's rule (`x-source: sdk` in the spec); the reference says "integer".
 */
export type TransactionId = components["schemas"]["TransactionId"];

/**
 * A 400 body as public integrations of the API read it,
 * `{ exceptionType, errorMessage }`; not in the provider's reference, so both are optional.
 */
export type ApiError = components["schemas"]["ApiError"];

/**
 * An OAuth 2.0 error body (RFC 6749/6750) as public integrations read it, e.g. a
 * 401 with `error: "invalid_token"`; not in the provider's reference, so both are optional.
 */
export type OAuthError = components["schemas"]["OAuthError"];

/**
 * A payment method List payment methods is known to answer with (the
 * reference's sample shows `"recurringPayment"`). Answers carry these or any
 * method added since; see {@link PaymentMethodItem}.
 */
export type ListedPaymentMethod = components["schemas"]["ListedPaymentMethod"];

/**
 * One of a product's payment methods, as List payment methods answers it. The
 * provider adds payment methods as a backwards-compatible change, so
 * `paymentMethod` is a {@link ListedPaymentMethod} or any other string (passed
 * through, never rejected). `isActive` is `"Y"` in the reference's only sample.
 */
export type PaymentMethodItem = Omit<
  components["schemas"]["PaymentMethodItem"],
  "paymentMethod"
> & {
  /** The payment method: a {@link ListedPaymentMethod}, or one added since (passed through). */
  paymentMethod?: ListedPaymentMethod | (string & {});
};

/** The 200 answer of List payment methods: the product's payment methods. */
export interface ListPaymentMethodsResponse {
  /** The product's payment methods ("Array of objects" in the reference). */
  paymentMethodResponseItems?: PaymentMethodItem[];
}

/**
 * A payment method Change payment method accepts, as far as the reference
 * shows (`"recurringPayExCardPayment"`; the full set is not documented).
 */
export type PaymentChangeMethod = components["schemas"]["PaymentChangeMethod"];

/** The body of Change payment method: the method to change the product to. */
export type ChangePaymentMethodRequest = components["schemas"]["ChangePaymentMethodRequest"];

/** The 200 answer of Change payment method. The field is optional in the reference. */
export type ChangePaymentMethodResponse = components["schemas"]["ChangePaymentMethodResponse"];

/**
 * A Change payment method id: an integer from 1 to 2^53 - 1 (the SDK's bounds,
 * as for {@link TransactionId}).
 */
export type PaymentChangeId = components["schemas"]["PaymentChangeId"];
