// The HTTP control path (`{controlUrl}/…`): the control functions for tests
// in any language. POSTs need `Content-Type: application/json`, which a
// cross-site form cannot send without a CORS preflight that is never allowed.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  completePayment,
  completePaymentChange,
  CONTROL_BASE,
  reset,
  type ControlContext,
} from "./control.js";
import { SandboxControlError } from "./control-error.js";
import { BodyTooLargeError, readBody, sendJson } from "./http.js";
import type { PayPageOutcome } from "./transactions.js";

/** The fields the control path's POSTs read; any may be missing or of a wrong type. */
type ControlBody = Record<string, unknown>;

/** What a POST answers: a status and a JSON body, or 204 without one. */
type Answer = { status: number; body: unknown; headers?: Record<string, string> } | "no content";

const POSTS: Record<string, (body: ControlBody, context: ControlContext) => Answer> = {
  "/complete": (body, context) => ({
    status: 200,
    body: {
      location: completePayment(context, String(body.payUrl ?? ""), body.outcome as PayPageOutcome),
    },
  }),
  "/complete-change": (body, context) => ({
    status: 200,
    body: {
      location: completePaymentChange(
        context,
        String(body.changeUrl ?? ""),
        body.outcome as PayPageOutcome,
      ),
    },
  }),
  "/reset": (_, context) => {
    reset(context);
    return "no content";
  },
  // The token endpoint's response, so any OAuth library's types fit it.
  "/sign-in": (body, context) => ({
    status: 200,
    headers: { "cache-control": "no-store" },
    body: context.signIn({
      ...(body.customer !== undefined ? { customer: String(body.customer) } : {}),
      ...(body.clientId !== undefined ? { clientId: String(body.clientId) } : {}),
    }),
  }),
  "/invoices": (body, context) => ({
    status: 201,
    body: { invoice: context.invoices.addInput(body) },
  }),
};

const NOT_AN_OBJECT = "the body must be a JSON object";

export async function handleControl(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: ControlContext,
): Promise<void> {
  const path = url.pathname.slice(CONTROL_BASE.length);
  const method = request.method ?? "GET";
  if (method === "GET") {
    const answer = readState(path, url.searchParams, context);
    if (answer) return sendJson(response, 200, answer);
  }
  const post = method === "POST" ? POSTS[path] : undefined;
  if (!post) return sendJson(response, 404, { error: "not_found", path: CONTROL_BASE + path });
  const body = await readObject(request, response);
  if (!body) return;
  let answer: Answer;
  try {
    answer = post(body, context);
  } catch (error) {
    if (!(error instanceof SandboxControlError)) throw error;
    return sendJson(response, 400, { error: "bad_request", message: error.message });
  }
  if (answer === "no content") return void response.writeHead(204).end();
  sendJson(response, answer.status, answer.body, answer.headers);
}

/** The GETs: the log, the transactions, and a customer's invoice record. */
function readState(path: string, query: URLSearchParams, context: ControlContext) {
  if (path === "/requests") return { requests: context.received.list() };
  if (path === "/transactions") return { transactions: context.transactions.list() };
  if (path === "/invoices") {
    return { invoices: context.invoices.all(query.get("customer") ?? undefined) };
  }
  return undefined;
}

/** The JSON object of a POST, or `undefined` once a 4xx has been answered. */
async function readObject(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<ControlBody | undefined> {
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) {
    sendJson(response, 415, { error: "unsupported_media_type", message: "send JSON" });
    return undefined;
  }
  try {
    const parsed = JSON.parse((await readBody(request, response)) || "{}") as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as ControlBody;
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendJson(response, 413, { error: "payload_too_large", message: "at most 64 KiB" });
      return undefined;
    }
  }
  sendJson(response, 400, { error: "bad_request", message: NOT_AN_OBJECT });
  return undefined;
}
