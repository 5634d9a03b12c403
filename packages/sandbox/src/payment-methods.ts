// The rest of the Payment section: GET and POST /v1/product/payment/{productCode}
// (List payment methods, Change payment method), as functions from a request to
// a response, like Pay invoice's.
import {
  badRequest,
  checkAuthorization,
  json,
  RATE_LIMIT_PER_MINUTE,
  refuse,
  TOO_LARGE_BODY,
  unsupportedTypeBody,
  type ApiResponse,
  type ApiContext,
  type ApiRequest,
} from "./api.js";
import { createSchemaCheck, type RequestCheck } from "./request-schema.js";
import { enumOf, loadSpec, operationPath, type Spec } from "./spec.js";
import type { PaymentChange, TransactionStore } from "./transactions.js";
import { RETRY_AFTER_SECONDS } from "./triggers.js";

/** The path template of both operations, from the spec. */
export const PAYMENT_METHOD_PATH = operationPath(loadSpec(), "changePaymentMethod");

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

/** The method a product has before any change: the reference's sample. */
const FIRST_METHOD = enumOf(loadSpec(), "ListedPaymentMethod")[0]!;

export interface PaymentMethodContext extends ApiContext {
  changes: TransactionStore<PaymentChange>;
  /** Checks a product code against the operation's path parameter (`get` or `post`). */
  checkProductCode: { get: RequestCheck; post: RequestCheck };
  /** Checks a Change payment method body against the spec. */
  checkChange: RequestCheck;
}

/** The context of both operations: the API's, the changes, and the spec's checks. */
export function createPaymentMethodContext(
  spec: Spec,
  api: ApiContext,
  changes: TransactionStore<PaymentChange>,
): PaymentMethodContext {
  const parameter = (method: string) =>
    `/paths/${PAYMENT_METHOD_PATH.replaceAll("/", "~1")}/${method}/parameters/0/schema`;
  return {
    ...api,
    changes,
    checkProductCode: {
      get: createSchemaCheck(spec, parameter("get"), "productCode"),
      post: createSchemaCheck(spec, parameter("post"), "productCode"),
    },
    checkChange: createSchemaCheck(spec, "/components/schemas/ChangePaymentMethodRequest"),
  };
}

const limits = () => ({
  "x-ratelimit-remaining": String(RATE_LIMIT_PER_MINUTE - 1),
  "x-ratelimit-reset": "60",
});

/** The response of a product-code trigger, or `undefined` for an ordinary product. */
function triggered(productCode: string): ApiResponse | undefined {
  switch (productCode) {
    case SANDBOX_PRODUCT_TRIGGERS.emptyResponse:
      return json(200, {}, limits());
    case SANDBOX_PRODUCT_TRIGGERS.rateLimited:
      return json(
        429,
        { error: "rate_limited" },
        {
          "retry-after": String(RETRY_AFTER_SECONDS),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(RETRY_AFTER_SECONDS),
        },
      );
    case SANDBOX_PRODUCT_TRIGGERS.serverError:
      return json(500, { error: "server_error" });
  }
  return undefined;
}

/**
 * GET lists the product's methods: the one the last finished change chose
 * (`isActive: "Y"`), or the reference's sample method before any change.
 * POST starts a change and answers with its `paymentChangeId`.
 */
export function respondToPaymentMethod(
  request: ApiRequest,
  productCode: string,
  context: PaymentMethodContext,
): ApiResponse {
  const method = request.method === "GET" ? "get" : request.method === "POST" ? "post" : undefined;
  if (!method) return refuse(405, { error: "method_not_allowed" }, { allow: "GET, POST" });
  const unauthorized = checkAuthorization(request, context);
  if (unauthorized) return unauthorized;

  const issues = context.checkProductCode[method](productCode);
  if (method === "post") {
    const mediaType = request.contentType?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") {
      return refuse(415, unsupportedTypeBody(mediaType));
    }
    if (request.body === undefined) {
      return refuse(413, TOO_LARGE_BODY);
    }
    try {
      issues.push(...context.checkChange(JSON.parse(request.body)));
    } catch {
      issues.push({ field: "body", message: "must be a JSON object" });
    }
  }
  if (issues.length > 0) return badRequest(issues);

  const trigger = triggered(productCode);
  if (trigger) return trigger;

  if (method === "get") {
    const finished = context.changes
      .list()
      .filter((c) => c.request.productCode === productCode && c.outcome === "finished");
    const current = finished.at(-1)?.request.paymentMethod ?? FIRST_METHOD;
    return json(
      200,
      { paymentMethodResponseItems: [{ paymentMethod: current, isActive: "Y" }] },
      limits(),
    );
  }
  const { paymentMethod } = JSON.parse(request.body!) as { paymentMethod: string };
  const change = context.changes.create({ productCode, paymentMethod });
  return json(200, { paymentChangeId: change.id }, limits());
}
