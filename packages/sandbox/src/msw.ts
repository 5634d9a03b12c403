// msw handlers for the Connect API that give the sandbox's own responses: the
// same spec checks, the same triggers, the same transaction ids. For unit
// tests that mock fetch with msw; the sandbox server is the fuller proof.
// Node only (the spec is read from disk).
import { delay, http, HttpResponse, type HttpHandler } from "msw";
import { respondToPayInvoice, PAY_INVOICE_PATH, type ApiResponse } from "./api.js";
import {
  respondToPaymentMethod,
  createPaymentMethodContext,
  PAYMENT_METHOD_PATH,
} from "./payment-methods.js";
import { createRequestCheck } from "./request-schema.js";
import { loadSpec } from "./spec.js";
import { DEFAULT_SLOW_RESPONSE_MS } from "./triggers.js";
import { TransactionStore, type PaymentChange, type Transaction } from "./transactions.js";

/** What {@link createSandboxHandlers} takes. */
export interface SandboxHandlersOptions {
  /** The API base URL your client is configured with, e.g. `https://api-test.mediaconnect.no/capi`. */
  apiUrl: string;
  /** How long the `slowResponse` trigger waits; default 35 000. */
  slowResponseMs?: number;
  /** Counting ids from this one instead of random ids. */
  firstTransactionId?: number;
}

/** The msw handlers, and what they saw. */
export interface SandboxHandlers {
  /** Pass to `setupServer(...handlers)`. */
  handlers: HttpHandler[];
  /** Every transaction the handlers added, oldest first. */
  transactions(): Transaction[];
  /** Every payment change the handlers started, oldest first. */
  paymentChanges(): Transaction<PaymentChange>[];
}

/** A response as msw's Response. */
async function respond(apiResponse: ApiResponse) {
  if (apiResponse.kind === "drop") return HttpResponse.error();
  if (apiResponse.delayMs) await delay(apiResponse.delayMs);
  const init = { status: apiResponse.status, headers: apiResponse.headers };
  return apiResponse.contentType === "application/json"
    ? HttpResponse.json(apiResponse.body as Record<string, unknown>, init)
    : HttpResponse.html(String(apiResponse.body), init);
}

const apiRequest = async (request: Request) => ({
  method: request.method,
  authorization: request.headers.get("authorization") ?? undefined,
  contentType: request.headers.get("content-type") ?? undefined,
  body: await request.text(),
});

/**
 * msw handlers that answer the Connect API under `apiUrl` as the sandbox
 * does (the same spec checks, triggers and transaction ids), for unit tests
 * that mock `fetch`; the sandbox server is the fuller proof.
 */
export function createSandboxHandlers(options: SandboxHandlersOptions): SandboxHandlers {
  const transactions = new TransactionStore(options.firstTransactionId);
  const context = {
    check: createRequestCheck(loadSpec()),
    transactions,
    slowResponseMs: options.slowResponseMs ?? DEFAULT_SLOW_RESPONSE_MS,
  };
  const changes = new TransactionStore<PaymentChange>(options.firstTransactionId);
  const methods = createPaymentMethodContext(loadSpec(), context, changes);
  const base = options.apiUrl.replace(/\/+$/, "");
  const handlers = [
    http.all(base + PAY_INVOICE_PATH, async ({ request }) =>
      respond(respondToPayInvoice(await apiRequest(request), context)),
    ),
    // msw's `:productCode` is one decoded path segment.
    http.all(base + PAYMENT_METHOD_PATH.replace(/\{(\w+)\}/, ":$1"), async ({ request, params }) =>
      respond(
        respondToPaymentMethod(await apiRequest(request), String(params.productCode), methods),
      ),
    ),
  ];
  return {
    handlers,
    transactions: () => transactions.list(),
    paymentChanges: () => changes.list(),
  };
}
