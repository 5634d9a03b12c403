// The answers every API operation shares: the provider's 400 body, the 401s,
// the SDK's 413 and 415, the 429 and the rate-limit headers of every success.
// Operation modules and the router build their responses from these, so the
// node:http server and the msw handlers give the same ones.
import { loadSpec, responseExample } from "./spec.js";
import { RETRY_AFTER_SECONDS } from "./triggers.js";

// The bodies of the spec's 400 and 401 examples: what public integrations read.
const BAD_REQUEST_EXAMPLE = responseExample(loadSpec(), "payInvoice", "400");
/** The spec's 401 example: an expired token. */
export const EXPIRED_TOKEN_EXAMPLE = responseExample(loadSpec(), "payInvoice", "401");
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

/** The rate-limit headers of an answer within the limits. */
export const rateLimitHeaders = (): Record<string, string> => ({
  "x-ratelimit-remaining": String(RATE_LIMIT_PER_MINUTE - 1),
  "x-ratelimit-reset": "60",
});

/** A 200 with a JSON body and the rate-limit headers. */
export const ok = (body: unknown): ApiResponse => json(200, body, rateLimitHeaders());

/** The 429 every rate-limit trigger answers: `Retry-After` and the rate-limit headers. */
export const rateLimited = (): ApiResponse =>
  json(
    429,
    { error: "rate_limited" },
    {
      "retry-after": String(RETRY_AFTER_SECONDS),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(RETRY_AFTER_SECONDS),
    },
  );

/** The 500 every server-error trigger answers. */
export const serverError = (): ApiResponse => json(500, { error: "server_error" });

/** The spec's 401 for an expired token, as the `expiredToken` triggers answer it. */
export const expiredToken = (): ApiResponse =>
  json(401, EXPIRED_TOKEN_EXAMPLE, {
    "www-authenticate": `Bearer realm="connect-payment-sandbox", error="${EXPIRED_TOKEN_EXAMPLE.error}", error_description="${EXPIRED_TOKEN_EXAMPLE.error_description}"`,
  });

/** The 401 for a request without a bearer token, or with one the sandbox does not accept. */
export function unauthorized(reason: string | undefined): ApiResponse {
  if (reason === undefined) {
    return refuse(
      401,
      { error: "invalid_token", error_description: "Send Authorization: Bearer <access token>." },
      { "www-authenticate": 'Bearer realm="connect-payment-sandbox"' },
    );
  }
  return refuse(
    401,
    { error: "invalid_token", error_description: reason },
    { "www-authenticate": 'Bearer realm="connect-payment-sandbox", error="invalid_token"' },
  );
}

/** The provider's 400 body (from public integrations), with every broken field named. */
export function badRequest(issues: { field: string; message: string }[]): ApiResponse {
  return json(400, {
    exceptionType: BAD_REQUEST_EXAMPLE.exceptionType,
    errorMessage: issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "),
    issues,
  });
}

/** The provider's 400 for an invoice it does not know (public integrations' exception type). */
export const invoiceNotFound = (invoiceNumber: string): ApiResponse =>
  json(400, {
    exceptionType: "InvoiceNotFoundException",
    errorMessage: `Invoice ${invoiceNumber} was not found`,
  });
