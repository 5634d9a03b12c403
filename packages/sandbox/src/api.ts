// The Connect API side: POST /v1/api/payment/invoice.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PayInvoiceRequest } from "@connect-payment/types";
import { BodyTooLargeError, readBody, sendJson } from "./http.js";
import type { RequestCheck } from "./request-schema.js";
import type { TransactionStore } from "./transactions.js";
import { RETRY_AFTER_SECONDS, triggerFor } from "./triggers.js";

export const PAY_INVOICE_PATH = "/v1/api/payment/invoice";

export interface ApiContext {
  check: RequestCheck;
  transactions: TransactionStore;
  /** Why this token may not be used, or `undefined` (see the sandbox's `oauth.requireIssuedTokens`). */
  rejectToken?: (token: string) => string | undefined;
}

export async function handlePayInvoice(
  request: IncomingMessage,
  response: ServerResponse,
  { check, transactions, rejectToken }: ApiContext,
): Promise<void> {
  // Any non-empty bearer token is accepted, unless `oauth.requireIssuedTokens` (below).
  const token = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? "")?.[1];
  if (!token) {
    sendJson(
      response,
      401,
      { error: "unauthorized", message: "Send Authorization: Bearer <access token>." },
      { "www-authenticate": 'Bearer realm="connect-payment-sandbox"' },
    );
    return;
  }

  const rejected = rejectToken?.(token);
  if (rejected) {
    const challenge = `Bearer realm="connect-payment-sandbox", error="invalid_token"`;
    sendJson(
      response,
      401,
      { error: "invalid_token", error_description: rejected },
      { "www-authenticate": challenge },
    );
    return;
  }

  let text: string;
  try {
    text = await readBody(request);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendJson(response, 413, { error: "payload_too_large" });
    return;
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    sendJson(response, 400, {
      error: "invalid_request",
      issues: [{ field: "body", message: "must be a JSON object" }],
    });
    return;
  }

  const issues = check(body);
  if (issues.length > 0) {
    sendJson(response, 400, { error: "invalid_request", issues });
    return;
  }

  const payment = body as PayInvoiceRequest;
  switch (triggerFor(payment.invoiceNumber)) {
    case "rateLimited":
      sendJson(
        response,
        429,
        { error: "rate_limited" },
        { "retry-after": String(RETRY_AFTER_SECONDS) },
      );
      return;
    case "serverError":
      sendJson(response, 500, { error: "server_error" });
      return;
    case "notAdded":
      sendJson(response, 200, { success: false });
      return;
    case undefined: {
      const transaction = transactions.create(payment);
      sendJson(response, 200, { success: true, transactionId: transaction.id });
    }
  }
}
