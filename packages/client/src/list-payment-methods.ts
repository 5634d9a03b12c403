import type { PaymentMethodItem } from "@connect-payment/types";
import { LIST_PAYMENT_METHODS } from "./generated/spec.js";
import { operation } from "./operation.js";
import type { Settings } from "./options.js";

/** `listPaymentMethods` of a client: the items, or none when the answer has none. */
export function createListPaymentMethods(settings: Settings) {
  const call = operation(settings, LIST_PAYMENT_METHODS);
  return async (
    productCode: string,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<PaymentMethodItem[]> => {
    // Any paymentMethod string passes (methods are added without notice).
    const answer = await call<{ paymentMethodResponseItems?: PaymentMethodItem[] }>({
      path: { productCode },
      signal,
    });
    return answer.body.paymentMethodResponseItems ?? [];
  };
}
