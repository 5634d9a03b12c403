import type { Rules } from "./validate.js";

/**
 * A payment method the SDK does not list yet, made by
 * {@link unlistedPaymentMethod}. The provider adds payment methods as a
 * backwards-compatible change; this is the explicit way to send one before
 * the SDK lists it, while a plain string is still checked against the known
 * set (which catches typos).
 */
export interface UnlistedPaymentMethod {
  /** The method's name exactly as the API expects it, e.g. `"klarna"`. */
  readonly unlisted: string;
}

/**
 * Marks a payment method name the SDK does not list yet, to send it as given:
 * `paymentMethod: unlistedPaymentMethod("klarna")`. It must still be a
 * non-empty string; only the check against the known set is skipped.
 *
 * @param name - the method's name exactly as the API expects it
 *
 * @example
 * ```ts
 * import { createConnectClient, unlistedPaymentMethod } from "@connect-payment/client";
 *
 * declare const customerAccessToken: string;
 * const client = createConnectClient({ accessToken: customerAccessToken });
 * const { paymentChangeId } = await client.changePaymentMethod("CO27409", {
 *   paymentMethod: unlistedPaymentMethod("vippsRecurring"),
 * });
 * ```
 */
export function unlistedPaymentMethod(name: string): UnlistedPaymentMethod {
  return Object.freeze({ unlisted: name });
}

const isUnlisted = (value: unknown): value is UnlistedPaymentMethod =>
  typeof value == "object" && value !== null && Object.hasOwn(value, "unlisted");

/**
 * The body as it goes on the wire and the rules to check it by: an
 * {@link UnlistedPaymentMethod} becomes its name, checked without the
 * field's `enum` (and as at least one character); any other body is unchanged.
 */
export function resolveUnlisted(rules: Rules, body: unknown): { rules: Rules; body: unknown } {
  const method = (Object(body) as { paymentMethod?: unknown }).paymentMethod;
  const rule = rules.paymentMethod;
  if (!rule || !isUnlisted(method)) return { rules, body };
  // Everything but the field's enum: the name is not in it, by definition.
  const open = { ...rule };
  delete open.enum;
  return {
    rules: { ...rules, paymentMethod: { ...open, minLength: Math.max(1, open.minLength ?? 0) } },
    body: { ...(body as object), paymentMethod: method.unlisted },
  };
}
