// Driving the sandbox without a browser: complete a payment the way the
// customer would, read what the API received, and start over. The same
// functions back the handle from startSandbox() and the HTTP control path
// (`{controlUrl}/…`), so tests in any language can use them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody, sendJson } from "./http.js";
import { decide, isOutcome, openPayment, OUTCOMES } from "./pay-flow.js";
import type { IssuedTokens, SignInRequest } from "./oauth/index.js";
import type { ReceivedLog } from "./received.js";
import type { PaymentChange, PayPageOutcome, TransactionStore } from "./transactions.js";

export const CONTROL_BASE = "/_sandbox";

/** Thrown by `completePayment` when the link or the outcome cannot be used. */
export class SandboxControlError extends Error {
  /** Always `"SandboxControlError"`. */
  override name = "SandboxControlError";
}

export interface ControlContext {
  transactions: TransactionStore;
  received: ReceivedLog;
  statusParam: string;
  /** The payment changes Change payment method started. */
  changes: TransactionStore<PaymentChange>;
  /** The pay page's absolute URL, e.g. `http://127.0.0.1:4010/user/payment/invoice/pay`. */
  payPageUrl: () => string;
  /** The change page's absolute URL, e.g. `http://127.0.0.1:4010/user/paymentChange`. */
  changePageUrl: () => string;
  /** Signs a test customer in at the login server, without a browser. */
  signIn: (request: SignInRequest) => IssuedTokens;
  log: (line: string) => void;
}

/**
 * Opens `payUrl` (the URL your code sent the browser to) and chooses
 * `outcome`, as the customer would on the pay page. Returns the exact URL the
 * browser is then sent to: `returnUrl` with the result, or `errorUrl`.
 */
export function completePayment(
  context: ControlContext,
  payUrl: string | URL,
  outcome: PayPageOutcome,
): string {
  return complete(context, payUrl, outcome, "payUrl", context.payPageUrl(), context.transactions);
}

/**
 * Opens `changeUrl` (where your code sent the customer to change a payment
 * method) and chooses `outcome`, as on the change page; returns the URL the
 * browser is then sent to.
 */
export function completePaymentChange(
  context: ControlContext,
  changeUrl: string | URL,
  outcome: PayPageOutcome,
): string {
  const page = context.changePageUrl();
  return complete(context, changeUrl, outcome, "changeUrl", page, context.changes);
}

function complete<R>(
  context: ControlContext,
  payUrl: string | URL,
  outcome: PayPageOutcome,
  name: "payUrl" | "changeUrl",
  expected: string,
  store: TransactionStore<R>,
): string {
  if (!isOutcome(outcome)) {
    throw new SandboxControlError(`outcome must be one of ${OUTCOMES.join(", ")}`);
  }
  let url: URL;
  try {
    url = new URL(payUrl);
  } catch {
    throw new SandboxControlError(`${name} must be an absolute URL`);
  }
  if (`${url.origin}${url.pathname}` !== expected) {
    throw new SandboxControlError(`${name} must start with this sandbox's page, ${expected}`);
  }
  const idParam = name === "payUrl" ? "transactionId" : "paymentChangeId";
  const opened = openPayment(url.searchParams, store, idParam);
  if (opened.kind === "problem") throw new SandboxControlError(opened.detail);
  if (opened.kind === "redirect") {
    context.log(`control: ${opened.reason}; redirecting to errorUrl`);
    return opened.location;
  }
  const location = decide(opened.transaction, outcome, context.statusParam);
  const what = name === "payUrl" ? "transaction" : "payment change";
  context.log(`${what} ${opened.transaction.id}: ${outcome} (control)`);
  return location;
}

/** Forgets every transaction and every received request. */
export function reset(context: ControlContext): void {
  context.transactions.clear();
  context.changes.clear();
  context.received.clear();
}

/** The fields the control path's POSTs read; any may be missing or of a wrong type. */
interface ControlBody {
  payUrl?: unknown;
  changeUrl?: unknown;
  outcome?: unknown;
  customer?: unknown;
  clientId?: unknown;
}

const NOT_AN_OBJECT = "the body must be a JSON object";

/**
 * The HTTP control path. POSTs need `Content-Type: application/json`, which
 * a cross-site form cannot send without a CORS preflight that is never allowed.
 */
export async function handleControl(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  context: ControlContext,
): Promise<void> {
  const method = request.method ?? "GET";
  if (method === "GET" && path === "/requests") {
    return sendJson(response, 200, { requests: context.received.list() });
  }
  if (method === "GET" && path === "/transactions") {
    return sendJson(response, 200, { transactions: context.transactions.list() });
  }
  if (
    method !== "POST" ||
    !["/complete", "/complete-change", "/reset", "/sign-in"].includes(path)
  ) {
    return sendJson(response, 404, { error: "not_found", path: CONTROL_BASE + path });
  }
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) {
    return sendJson(response, 415, { error: "unsupported_media_type", message: "send JSON" });
  }
  let body: ControlBody;
  try {
    const parsed = JSON.parse((await readBody(request, response)) || "{}") as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return sendJson(response, 400, { error: "bad_request", message: NOT_AN_OBJECT });
    }
    body = parsed;
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return sendJson(response, 413, { error: "payload_too_large", message: "at most 64 KiB" });
    }
    return sendJson(response, 400, { error: "bad_request", message: NOT_AN_OBJECT });
  }
  if (path === "/reset") {
    reset(context);
    response.writeHead(204).end();
    return;
  }
  try {
    if (path === "/sign-in") {
      // The token endpoint's response, so any OAuth library's types fit it.
      const tokens = context.signIn({
        ...(body.customer !== undefined ? { customer: String(body.customer) } : {}),
        ...(body.clientId !== undefined ? { clientId: String(body.clientId) } : {}),
      });
      response.setHeader("cache-control", "no-store");
      return sendJson(response, 200, tokens);
    }
    const location =
      path === "/complete-change"
        ? completePaymentChange(
            context,
            String(body.changeUrl ?? ""),
            body.outcome as PayPageOutcome,
          )
        : completePayment(context, String(body.payUrl ?? ""), body.outcome as PayPageOutcome);
    return sendJson(response, 200, { location });
  } catch (error) {
    if (!(error instanceof SandboxControlError)) throw error;
    return sendJson(response, 400, { error: "bad_request", message: error.message });
  }
}
