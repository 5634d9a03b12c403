// msw handlers for the Connect API that give the sandbox's own answers: the
// same spec checks, the same triggers, the same transaction ids. For unit
// tests that mock fetch with msw; the sandbox server is the fuller proof.
// Node only (the spec is read from disk).
import { delay, http, HttpResponse, type HttpHandler } from "msw";
import { answerPayInvoice, PAY_INVOICE_PATH } from "./api.js";
import { createRequestCheck } from "./request-schema.js";
import { loadSpec } from "./spec.js";
import { DEFAULT_SLOW_ANSWER_MS } from "./triggers.js";
import { TransactionStore, type Transaction } from "./transactions.js";

export interface SandboxHandlersOptions {
  /** The API base URL your client is configured with, e.g. `https://api-test.mediaconnect.no/capi`. */
  apiUrl: string;
  /** How long the `slowAnswer` trigger waits; default 35 000. */
  slowAnswerMs?: number;
  /** Counting ids from this one instead of random ids. */
  firstTransactionId?: number;
}

export interface SandboxHandlers {
  /** Pass to `setupServer(...handlers)`. */
  handlers: HttpHandler[];
  /** Every transaction the handlers added, oldest first. */
  transactions(): Transaction[];
}

export function createSandboxHandlers(options: SandboxHandlersOptions): SandboxHandlers {
  const transactions = new TransactionStore(options.firstTransactionId);
  const context = {
    check: createRequestCheck(loadSpec()),
    transactions,
    slowAnswerMs: options.slowAnswerMs ?? DEFAULT_SLOW_ANSWER_MS,
  };
  const url = options.apiUrl.replace(/\/+$/, "") + PAY_INVOICE_PATH;
  const handler = http.all(url, async ({ request }) => {
    const answer = answerPayInvoice(
      {
        method: request.method,
        authorization: request.headers.get("authorization") ?? undefined,
        contentType: request.headers.get("content-type") ?? undefined,
        body: await request.text(),
      },
      context,
    );
    if (answer.kind === "drop") return HttpResponse.error();
    if (answer.delayMs) await delay(answer.delayMs);
    const init = { status: answer.status, headers: answer.headers };
    return answer.contentType === "application/json"
      ? HttpResponse.json(answer.body as Record<string, unknown>, init)
      : HttpResponse.html(String(answer.body), init);
  });
  return { handlers: [handler], transactions: () => transactions.list() };
}
