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
