// How the server runs an API operation: read the request, answer it, and log
// both with their issues under the spec.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { ApiRequest, ApiResponse } from "./api.js";
import { BodyTooLargeError, readBody, sendJson } from "./http.js";
import { loggedBody, nestingDepth, redactAuthorization, type ReceivedLog } from "./received.js";
import type { Issue, ResponseCheck } from "./request-schema.js";

/** What every API route shares: where it is mounted, its log and its latency. */
export interface ApiRouteContext {
  apiBase: string;
  received: ReceivedLog;
  latencyMs: number;
}

/** One operation: its answer, the check of its answers, and the issues of a request. */
export interface ApiOperation {
  responseOf(apiRequest: ApiRequest, url: URL): ApiResponse;
  responseCheckOf(method: string): ResponseCheck | undefined;
  issuesOf(apiRequest: ApiRequest, url: URL): Issue[];
}

/** A route handler for the operation. */
export function apiRoute(context: ApiRouteContext, operation: ApiOperation) {
  return (request: IncomingMessage, response: ServerResponse, url: URL) =>
    handleApi(request, response, url, context, operation);
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: ApiRouteContext,
  operation: ApiOperation,
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
  const apiRequest = {
    method: request.method ?? "GET",
    authorization: request.headers.authorization,
    contentType: request.headers["content-type"],
    body: text,
  };
  const apiResponse = operation.responseOf(apiRequest, url);
  const status = apiResponse.kind === "drop" ? "dropped" : apiResponse.status;
  context.received.add({
    at: new Date().toISOString(),
    method: apiRequest.method,
    path: url.pathname.slice(context.apiBase.length),
    authorization: redactAuthorization(apiRequest.authorization),
    contentType: apiRequest.contentType,
    ...loggedBody(text, apiResponse.kind === "send" && apiResponse.refused === true),
    requestIssues: operation.issuesOf(apiRequest, url),
    status,
    responseIssues: responseIssues(apiResponse, apiRequest.method, operation),
  });

  const delay = context.latencyMs + (apiResponse.kind === "send" ? (apiResponse.delayMs ?? 0) : 0);
  if (delay > 0) await sleep(delay, undefined, { ref: false });
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

function responseIssues(
  apiResponse: ApiResponse,
  method: string,
  operation: ApiOperation,
): Issue[] {
  if (apiResponse.kind === "drop") {
    return [{ field: "connection", message: "closed without a response" }];
  }
  const check = operation.responseCheckOf(method);
  if (!check) return [{ field: "method", message: `${method} is not an operation of the spec` }];
  return check({
    status: apiResponse.status,
    contentType: apiResponse.contentType,
    headers: apiResponse.headers,
    body: apiResponse.body,
  });
}

/** Why a request is not one the spec allows: bearer token, JSON content type, valid body. */
export function requestIssues(
  request: Pick<ApiRequest, "authorization" | "contentType" | "body">,
  check: (body: unknown) => Issue[],
): Issue[] {
  const issues: Issue[] = [];
  if (!/^Bearer\s+\S+/i.test(request.authorization ?? "")) {
    issues.push({ field: "header Authorization", message: "must be Bearer <access token>" });
  }
  if (!/^application\/json\s*(;|$)/i.test(request.contentType ?? "")) {
    issues.push({ field: "header Content-Type", message: "must be application/json" });
  }
  const body = parseShallow(request.body);
  if (typeof body === "string" || body === undefined) {
    issues.push({ field: "body", message: "must be a JSON object" });
  } else {
    issues.push(...check(body));
  }
  return issues;
}

/** The parsed body, or its text when it is not JSON or nested too deep to check. */
function parseShallow(text: string | undefined): unknown {
  if (text === undefined || text === "" || nestingDepth(text) > 64) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
