// The Connect API side: POST /v1/api/payment/invoice, as a function from a
// request to a response, so the node:http server and the msw handlers give the
// same responses.
import type { PayInvoiceRequest } from "@connect-payment/types";
import type { RequestCheck } from "./request-schema.js";
import { loadSpec, operationPath, responseExample } from "./spec.js";
import type { TransactionStore } from "./transactions.js";
import { RETRY_AFTER_SECONDS, triggerFor } from "./triggers.js";

/** The Pay invoice path, from the spec. */
export const PAY_INVOICE_PATH = operationPath(loadSpec(), "payInvoice");

// The bodies of the spec's 400 and 401 examples: what public integrations read.
const BAD_REQUEST_EXAMPLE = responseExample(loadSpec(), "payInvoice", "400");
const EXPIRED_TOKEN_EXAMPLE = responseExample(loadSpec(), "payInvoice", "401");
// The 413 and 415 are this SDK's (`x-source: sdk` in the spec): their bodies come from there.
/** The 413 body for a body beyond 64 KiB. */
export const TOO_LARGE_BODY = responseExample(loadSpec(), "payInvoice", "413");
/** The 415 body for a body that is not JSON, naming the content type received. */
export const unsupportedTypeBody = (mediaType: string | undefined) => ({
  exceptionType: responseExample(loadSpec(), "payInvoice", "415").exceptionType,
  errorMessage: `Content-Type must be application/json, got ${mediaType ? `"${mediaType}"` : "none"}`,
});

/** The limits the provider documents: 100 calls a second, 2,000 a minute. */
export const RATE_LIMIT_PER_MINUTE = 2000;

export interface ApiRequest {
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The body as text; `undefined` when it was larger than the sandbox reads. */
  body: string | undefined;
}

/** What to send back; `drop` closes the connection without a response. */
export type ApiResponse =
  | {
      kind: "send";
      status: number;
      headers: Record<string, string>;
      /** A JSON value, or text for the `notJson` trigger. */
      body: unknown;
      contentType: "application/json" | "text/html; charset=utf-8";
      delayMs?: number;
      /** Answered before the body mattered (401, 405, 413, 415): the log keeps an excerpt of it. */
      refused?: true;
    }
  | { kind: "drop" };

export interface ApiContext {
  check: RequestCheck;
  transactions: TransactionStore;
  slowResponseMs: number;
  /**
   * Why this bearer token may not be used, or `undefined` when it may. The
   * login server's OAuth side plugs in here (`oauth.requireIssuedTokens`);
   * without it (the msw handlers) any non-empty token is accepted.
   */
  rejectToken?: (token: string) => string | undefined;
}

export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ApiResponse => ({
  kind: "send",
  status,
  headers,
  body,
  contentType: "application/json",
});

/** A JSON answer to a request refused before its body mattered. */
export const refuse = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ApiResponse => ({ ...json(status, body, headers), refused: true }) as ApiResponse;

/**
 * The 401 for a request without a bearer token the sandbox accepts, or
 * `undefined`: only tokens the login server issued, unless
 * `oauth.requireIssuedTokens` is off.
 */
export function checkAuthorization(
  request: ApiRequest,
  context: ApiContext,
): ApiResponse | undefined {
  const token = /^Bearer\s+(\S+)/i.exec(request.authorization ?? "")?.[1];
  if (!token) {
    return refuse(
      401,
      { error: "invalid_token", error_description: "Send Authorization: Bearer <access token>." },
      { "www-authenticate": 'Bearer realm="connect-payment-sandbox"' },
    );
  }

  const rejected = context.rejectToken?.(token);
  if (rejected) {
    return refuse(
      401,
      { error: "invalid_token", error_description: rejected },
      { "www-authenticate": 'Bearer realm="connect-payment-sandbox", error="invalid_token"' },
    );
  }

  return undefined;
}

export function respondToPayInvoice(request: ApiRequest, context: ApiContext): ApiResponse {
  if (request.method !== "POST")
    return refuse(405, { error: "method_not_allowed" }, { allow: "POST" });

  const unauthorized = checkAuthorization(request, context);
  if (unauthorized) return unauthorized;

  // The spec accepts only JSON bodies.
  const mediaType = request.contentType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return refuse(415, unsupportedTypeBody(mediaType));
  }
  if (request.body === undefined) {
    return refuse(413, TOO_LARGE_BODY);
  }

  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return badRequest([{ field: "body", message: "must be a JSON object" }]);
  }
  const issues = context.check(body);
  if (issues.length > 0) return badRequest(issues);

  const payment = body as PayInvoiceRequest;
  const limits = {
    "x-ratelimit-remaining": String(RATE_LIMIT_PER_MINUTE - 1),
    "x-ratelimit-reset": "60",
  };
  switch (triggerFor(payment.invoiceNumber)) {
    case "notAdded":
      return json(200, { success: false }, limits);
    case "notJson":
      return {
        kind: "send",
        status: 200,
        headers: limits,
        body: "<!doctype html><title>Maintenance</title><p>Back soon.</p>",
        contentType: "text/html; charset=utf-8",
      };
    case "badRequest":
      return json(400, {
        exceptionType: "InvoiceNotFoundException",
        errorMessage: `Invoice ${payment.invoiceNumber} was not found`,
      });
    case "expiredToken":
      return json(401, EXPIRED_TOKEN_EXAMPLE, {
        "www-authenticate": `Bearer realm="connect-payment-sandbox", error="${EXPIRED_TOKEN_EXAMPLE.error}", error_description="${EXPIRED_TOKEN_EXAMPLE.error_description}"`,
      });
    case "rateLimited":
      return json(
        429,
        { error: "rate_limited" },
        {
          "retry-after": String(RETRY_AFTER_SECONDS),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(RETRY_AFTER_SECONDS),
        },
      );
    case "serverError":
      return json(500, { error: "server_error" });
    case "droppedConnection":
      return { kind: "drop" };
    case "slowResponse":
    case undefined: {
      const transaction = context.transactions.create(payment);
      const response = json(200, { success: true, transactionId: transaction.id }, limits);
      if (triggerFor(payment.invoiceNumber) === "slowResponse" && response.kind === "send") {
        response.delayMs = context.slowResponseMs;
      }
      return response;
    }
  }
}

/** The provider's 400 body (from public integrations), with every broken field named. */
export function badRequest(issues: { field: string; message: string }[]): ApiResponse {
  return json(400, {
    exceptionType: BAD_REQUEST_EXAMPLE.exceptionType,
    errorMessage: issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "),
    issues,
  });
}
