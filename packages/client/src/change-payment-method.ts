import type { PaymentChangeMethod } from "@connect-payment/types";
import { CHANGE_PAYMENT_METHOD } from "./generated/spec.js";
import { operation } from "./operation.js";
import type { Settings } from "./options.js";
import { resolveUnlisted, type UnlistedPaymentMethod } from "./payment-method.js";

/** The body of `changePaymentMethod`: a known method, or an explicitly unlisted one. */
export interface ChangePaymentMethodInput {
  /** A method the spec lists, or `unlistedPaymentMethod("…")` for one it does not list yet. */
  paymentMethod: PaymentChangeMethod | UnlistedPaymentMethod;
}

/** What Change payment method resolves to: the id to redirect the customer with. */
export interface ChangePaymentMethodResult {
  /** The change's id at the provider; an integer from 1 to 2^53 - 1 (`PAYMENT_CHANGE_ID`, from the spec). */
  paymentChangeId: number;
}

/** `changePaymentMethod` of a client: the one call path, then the id it needs. */
export function createChangePaymentMethod(settings: Settings) {
  const call = operation(settings, CHANGE_PAYMENT_METHOD);

  return async (
    productCode: string,
    input: ChangePaymentMethodInput,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<ChangePaymentMethodResult> => {
    const { rules, body } = resolveUnlisted(CHANGE_PAYMENT_METHOD.bodyRules, input);
    const answer = await call<{ paymentChangeId?: number }>({
      path: { productCode },
      body,
      bodyRules: rules,
      signal,
    });
    const { paymentChangeId } = answer.body;
    // No id: the change cannot be completed with this answer, and it is not
    // retried (it may have started at the provider).
    if (paymentChangeId === undefined) throw answer.received.fail("unexpected_response");
    return { paymentChangeId };
  };
}
