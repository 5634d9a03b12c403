// msw handlers for the Connect API that give the sandbox's own responses: the
// same router, so the same spec checks, triggers and transaction ids. For
// unit tests that mock fetch with msw; the sandbox server is the fuller proof.
// Node only (the spec is read from disk).
import { delay, http, HttpResponse, type HttpHandler } from "msw";
import type { ApiResponse } from "./answers.js";
import type { SandboxInvoice, SandboxInvoiceInput } from "./invoices/input.js";
import { OPERATION_MODULES } from "./operations/index.js";
import { createOperationState } from "./operations/state.js";
import { createApiRouter } from "./router.js";
import { loadSpec } from "./spec.js";
import type { PaymentChange, Transaction } from "./transactions.js";
import { DEFAULT_SLOW_RESPONSE_MS } from "./triggers.js";

/** What {@link createSandboxHandlers} takes. */
export interface SandboxHandlersOptions {
  /** The API base URL your client is configured with, e.g. `https://api-test.mediaconnect.no/capi`. */
  apiUrl: string;
  /** How long the `slowResponse` trigger waits; default 35 000. */
  slowResponseMs?: number;
  /** Counting ids from this one instead of random ids. */
  firstTransactionId?: number;
  /** As `startSandbox({ invoicesWithoutDates })`; default `"latest"`. */
  invoicesWithoutDates?: "latest" | "all";
  /** As `startSandbox({ payUnrecordedInvoices })`; default `false`. */
  payUnrecordedInvoices?: boolean;
}

/** The msw handlers, and what they saw. */
export interface SandboxHandlers {
  /** Pass to `setupServer(...handlers)`. */
  handlers: HttpHandler[];
  /** Every transaction the handlers added, oldest first. */
  transactions(): Transaction[];
  /** Every payment change the handlers started, oldest first. */
  paymentChanges(): Transaction<PaymentChange>[];
  /** As the sandbox's `addInvoice()`: adds an invoice to a test customer's record. */
  addInvoice(invoice?: SandboxInvoiceInput): SandboxInvoice;
  /** As the sandbox's `invoices()`: the record as List invoices shows it. */
  invoices(customer?: string): SandboxInvoice[];
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

/**
 * msw handlers that answer every operation of the Connect API under
 * `apiUrl` as the sandbox does. Requests to other paths fall through to
 * your other handlers.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createSandboxHandlers } from "@connect-payment/sandbox/msw";
 *
 * const sandbox = createSandboxHandlers({ apiUrl: "https://api-test.mediaconnect.no/capi" });
 * const server = setupServer(...sandbox.handlers);
 * server.listen({ onUnhandledRequest: "error" });
 * // … call your code that pays an invoice, then:
 * console.log(sandbox.transactions().length);
 * server.close();
 * ```
 */
export function createSandboxHandlers(options: SandboxHandlersOptions): SandboxHandlers {
  const state = createOperationState({
    firstTransactionId: options.firstTransactionId,
    slowResponseMs: options.slowResponseMs ?? DEFAULT_SLOW_RESPONSE_MS,
    // No pay page here: no payment is ever finished, so the delay never matters.
    paidRecordDelayMs: 0,
    invoicesWithoutDates: options.invoicesWithoutDates ?? "latest",
    payUnrecordedInvoices: options.payUnrecordedInvoices ?? false,
  });
  const route = createApiRouter(loadSpec(), OPERATION_MODULES, state);
  const base = options.apiUrl.replace(/\/+$/, "");
  const basePath = new URL(base).pathname.replace(/\/+$/, "");
  const handlers = [
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const routed = route({
        method: request.method,
        path: url.pathname.slice(basePath.length),
        query: url.searchParams,
        authorization: request.headers.get("authorization") ?? undefined,
        contentType: request.headers.get("content-type") ?? undefined,
        body: await request.text(),
      });
      return routed ? respond(routed.response) : undefined;
    }),
  ];
  return {
    handlers,
    transactions: () => state.transactions.list(),
    paymentChanges: () => state.changes.list(),
    addInvoice: (invoice = {}) => state.invoices.addInput(invoice),
    invoices: (customer) => state.invoices.all(customer),
  };
}
