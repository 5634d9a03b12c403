import type { PaymentChangeMethod } from "@connect-payment/types";
import { invalid } from "./errors.js";
import {
  CHANGE_PAYMENT_METHOD_METHOD,
  CHANGE_PAYMENT_METHOD_PATH,
  CHANGE_PAYMENT_METHOD_PATH_RULES,
  CHANGE_PAYMENT_METHOD_REQUEST_RULES,
  CHANGE_PAYMENT_METHOD_RESPONSE_RULES,
} from "./generated/spec.js";
import { parseJson } from "./json.js";
import type { Settings } from "./options.js";
import { fillPath, pathIssues } from "./path-parameters.js";
import { resolveUnlisted, type UnlistedPaymentMethod } from "./payment-method.js";
import { send } from "./send.js";
import { issuesOf } from "./validate.js";

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

/** `changePaymentMethod` of a client: checks the code and body, sends them, checks the response. */
export function createChangePaymentMethod(settings: Settings) {
  const headers = { "content-type": "application/json", ...settings.headers };

  return async (
    productCode: string,
    input: ChangePaymentMethodInput,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<ChangePaymentMethodResult> => {
    const { rules, body } = resolveUnlisted(CHANGE_PAYMENT_METHOD_REQUEST_RULES, input);
    // Every broken field at once, the path's and the body's.
    const issues = issuesOf(CHANGE_PAYMENT_METHOD_PATH_RULES, { productCode });
    issues.push(...pathIssues({ productCode }, issues), ...issuesOf(rules, body));
    if (issues.length) throw invalid("Change payment method request", issues);
    const received = await send(settings, {
      url: settings.baseUrl + fillPath(CHANGE_PAYMENT_METHOD_PATH, { productCode }),
      method: CHANGE_PAYMENT_METHOD_METHOD,
      headers,
      body: JSON.stringify(body),
      signal,
    });
    if (!received.response.ok) throw received.fail();
    const parsed = parseJson(received.text);
    // The rules check below makes `paymentChangeId` a number before it is returned.
    const { paymentChangeId } = Object(parsed) as { paymentChangeId?: number };
    // No object, a broken field or no id at all: the change cannot be completed
    // with this response, and it is not retried (it may have started at the provider).
    if (
      typeof parsed != "object" ||
      !parsed ||
      Array.isArray(parsed) ||
      issuesOf(CHANGE_PAYMENT_METHOD_RESPONSE_RULES, parsed).length ||
      paymentChangeId === undefined
    ) {
      throw received.fail("unexpected_response");
    }
    return { paymentChangeId };
  };
}
