// The API under node:http: CORS, the body read once, the router's answer,
// the log entry, the latency, then the answer sent (or the connection dropped).
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { ApiResponse } from "./answers.js";
import { BodyTooLargeError, readBody, sendJson } from "./http.js";
import { loggedBody, redactAuthorization, type ReceivedLog } from "./received.js";
import type { ApiRouter } from "./router.js";

/** What the API's route needs: where it is mounted, the router, the log and the latency. */
export interface ApiRouteContext {
  apiBase: string;
  router: ApiRouter;
  received: ReceivedLog;
  latencyMs: number;
}

/** The route handler of everything under the API base. */
export function apiRoute(context: ApiRouteContext) {
  return (request: IncomingMessage, response: ServerResponse, url: URL) =>
    handleApi(request, response, url, context);
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: ApiRouteContext,
): Promise<void> {
  // Open to any origin, so browser apps can try the client against the sandbox.
  response.setHeader("access-control-allow-origin", "*");
  if (request.method === "OPTIONS") {
    response.writeHead(204, {
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": "authorization, content-type",
    });
    response.end();
    return;
  }
  let text: string | undefined;
  try {
    text = await readBody(request, response);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
  }
  const path = url.pathname.slice(context.apiBase.length);
  const method = request.method ?? "GET";
  const authorization = request.headers.authorization;
  const contentType = request.headers["content-type"];
  const routed = context.router({
    method,
    path,
    query: url.searchParams,
    authorization,
    contentType,
    body: text,
  });
  if (!routed) return sendJson(response, 404, { error: "not_found", path: url.pathname });
  const { response: apiResponse } = routed;
  context.received.add({
    at: new Date().toISOString(),
    method,
    path,
    authorization: redactAuthorization(authorization),
    contentType,
    ...loggedBody(text, apiResponse.kind === "send" && apiResponse.refused === true),
    requestIssues: routed.requestIssues,
    status: apiResponse.kind === "drop" ? "dropped" : apiResponse.status,
    responseIssues: routed.responseIssues,
  });
  const delay = context.latencyMs + (apiResponse.kind === "send" ? (apiResponse.delayMs ?? 0) : 0);
  if (delay > 0) await sleep(delay, undefined, { ref: false });
  send(request, response, apiResponse);
}

function send(request: IncomingMessage, response: ServerResponse, apiResponse: ApiResponse) {
  if (apiResponse.kind === "drop") {
    request.socket.destroy();
    return;
  }
  if (apiResponse.contentType === "application/json") {
    sendJson(response, apiResponse.status, apiResponse.body, apiResponse.headers);
  } else {
    response.writeHead(apiResponse.status, {
      ...apiResponse.headers,
      "content-type": apiResponse.contentType,
    });
    response.end(String(apiResponse.body));
  }
}
