// List and Change payment method as an API operation of the server: the
// product code is the last path segment, percent-decoded; a broken
// percent-encoding is a 400 naming productCode, never a crash.
import { badRequest, checkAuthorization, type ApiRequest } from "./api.js";
import type { ApiOperation } from "./api-route.js";
import { requestIssues } from "./api-route.js";
import { respondToPaymentMethod, type PaymentMethodContext } from "./payment-methods.js";
import type { Issue, ResponseCheck } from "./request-schema.js";

const BROKEN_PRODUCT_CODE: Issue = {
  field: "productCode",
  message: "must be a valid percent-encoded path segment",
};

/** The product code of the path, or `undefined` for a broken percent-encoding. */
export function productCodeOf(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf("/") + 1));
  } catch {
    return undefined;
  }
}

export function paymentMethodOperation(
  context: PaymentMethodContext,
  answers: { GET: ResponseCheck; POST: ResponseCheck },
): ApiOperation {
  return {
    responseOf(apiRequest, url) {
      const code = productCodeOf(url);
      if (code !== undefined) return respondToPaymentMethod(apiRequest, code, context);
      return checkAuthorization(apiRequest, context) ?? badRequest([BROKEN_PRODUCT_CODE]);
    },
    responseCheckOf: (method) => answers[method as "GET" | "POST"],
    issuesOf: (apiRequest, url) => productCodeIssues(apiRequest, productCodeOf(url), context),
  };
}

/** The issues of a List or Change payment method request under the spec. */
function productCodeIssues(
  apiRequest: ApiRequest,
  code: string | undefined,
  context: PaymentMethodContext,
): Issue[] {
  if (code === undefined) return [BROKEN_PRODUCT_CODE];
  if (apiRequest.method === "GET") {
    const issues = context.checkProductCode.get(code);
    if (apiRequest.body) issues.push({ field: "body", message: "must be empty" });
    if (!/^Bearer\s+\S+/i.test(apiRequest.authorization ?? "")) {
      issues.push({ field: "header Authorization", message: "must be Bearer <access token>" });
    }
    return issues;
  }
  return [
    ...context.checkProductCode.post(code),
    ...requestIssues(apiRequest, context.checkChange),
  ];
}
