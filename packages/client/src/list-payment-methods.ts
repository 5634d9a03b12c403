import type { PaymentMethodItem } from "@connect-payment/types";
import { invalid } from "./errors.js";
import {
  LIST_PAYMENT_METHODS_METHOD,
  LIST_PAYMENT_METHODS_PATH,
  LIST_PAYMENT_METHODS_PATH_RULES,
  LIST_PAYMENT_METHODS_RESPONSE_RULES,
} from "./generated/spec.js";
import { parseJson } from "./json.js";
import type { Settings } from "./options.js";
import { fillPath, pathIssues } from "./path-parameters.js";
import { send } from "./send.js";
import { issuesOf } from "./validate.js";

/** `listPaymentMethods` of a client: checks the product code, sends, checks the response. */
export function createListPaymentMethods(settings: Settings) {
  return async (
    productCode: string,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<PaymentMethodItem[]> => {
    const issues = issuesOf(LIST_PAYMENT_METHODS_PATH_RULES, { productCode });
    issues.push(...pathIssues({ productCode }, issues));
    if (issues.length) throw invalid("List payment methods request", issues);
    const received = await send(settings, {
      url: settings.baseUrl + fillPath(LIST_PAYMENT_METHODS_PATH, { productCode }),
      method: LIST_PAYMENT_METHODS_METHOD,
      headers: settings.headers,
      body: null,
      signal,
    });
    if (!received.response.ok) throw received.fail();
    const parsed = parseJson(received.text);
    // Any paymentMethod string passes (methods are added without notice);
    // a body that is no object or breaks the field types cannot be trusted.
    if (
      typeof parsed != "object" ||
      !parsed ||
      Array.isArray(parsed) ||
      issuesOf(LIST_PAYMENT_METHODS_RESPONSE_RULES, parsed).length
    ) {
      throw received.fail("unexpected_response");
    }
    return (
      (parsed as { paymentMethodResponseItems?: PaymentMethodItem[] }).paymentMethodResponseItems ??
      []
    );
  };
}
