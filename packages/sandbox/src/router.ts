// The API's router, built from the spec's operations: it finds the
// operation, reads the request once, checks it once (the same issues serve
// the answer and the log), applies what every operation shares (405, 401,
// 415, 413, the 400 naming each broken field) and checks the answer against
// the spec. The node:http server and the msw handlers both call it, so an
// operation added to the spec and given a module reaches both at once.
import {
  badRequest,
  refuse,
  unauthorized,
  unsupportedTypeBody,
  TOO_LARGE_BODY,
  type ApiResponse,
} from "./answers.js";
import type { CheckedRequest, OperationModule, OperationState } from "./operations/operation.js";
import { operationRules, type OperationRules, type ParameterRule } from "./operation-rules.js";
import type { RateLimiter } from "./rate-limits.js";
import { nestingDepth } from "./received.js";
import type { Issue } from "./request-schema.js";
import type { Spec } from "./spec.js";

/** A request as it arrived, before any check. */
export interface RawApiRequest {
  method: string;
  /** The path under the API base, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The body as text; `undefined` when it was larger than the sandbox reads. */
  body: string | undefined;
}

/** The router's answer and what the log keeps of the exchange. */
export interface Routed {
  response: ApiResponse;
  /** What makes the request invalid under the spec; `[]` for a valid request. */
  requestIssues: Issue[];
  /** Where the answer departs from the spec; `[]` when it conforms. */
  responseIssues: Issue[];
}

/** Who may use the API: the customer a token names, or why it may not be used. */
export type TokenCheck = (token: string) => {
  rejected?: string;
  customer?: string;
  /** The client the token was issued to, for a login's token or a client token. */
  issuedTo?: string;
  /** The client a client token (client credentials) was issued to. */
  client?: string;
};

export type ApiRouter = (request: RawApiRequest) => Routed | undefined;

/** The router over the spec's operations that have a module; others are not routed. */
export function createApiRouter(
  spec: Spec,
  modules: readonly OperationModule[],
  state: OperationState,
  checkToken: TokenCheck = () => ({}),
  limiter?: RateLimiter,
): ApiRouter {
  const byId = new Map(modules.map((module) => [module.operationId, module]));
  const paths = operationRules(spec)
    .map((path) => ({
      ...path,
      byMethod: new Map([...path.byMethod].filter(([, rules]) => byId.has(rules.operationId))),
    }))
    .filter((path) => path.byMethod.size > 0);
  return (request) => {
    for (const { pattern, byMethod } of paths) {
      const match = pattern.exec(request.path);
      if (!match) continue;
      const rules = byMethod.get(request.method);
      if (!rules) return notAllowed(request.method, [...byMethod.keys()]);
      const checked = checkRequest(rules, match.slice(1), request);
      const response = answer(rules, checked, request, { checkToken, limiter }, (values) =>
        byId.get(rules.operationId)!.answer(values, state),
      );
      return {
        response,
        requestIssues: [...checked.issues, ...checked.wireIssues],
        responseIssues: responseIssues(response, rules),
      };
    }
    return undefined;
  };
}

function notAllowed(method: string, allowed: string[]): Routed {
  return {
    response: refuse(405, { error: "method_not_allowed" }, { allow: allowed.join(", ") }),
    requestIssues: [{ field: "method", message: `must be one of ${allowed.join(", ")}` }],
    responseIssues: [{ field: "method", message: `${method} is not an operation of the spec` }],
  };
}

interface Checked {
  values: Omit<CheckedRequest, "customer">;
  /** Issues of the path, query and body: each is a 400. */
  issues: Issue[];
  /** Issues of the token and content type: the log keeps them, other answers cover them. */
  wireIssues: Issue[];
}

const BEARER = /^Bearer\s+(\S+)/i;

const TAKES_CLIENT =
  "This call takes the client's own token (client credentials grant), not a customer's token";
const TAKES_CUSTOMER =
  "This call takes a customer's token (from a login), not the client's own token (client credentials)";

function checkRequest(rules: OperationRules, segments: string[], request: RawApiRequest): Checked {
  const issues: Issue[] = [];
  const params: Record<string, string> = {};
  rules.pathParameters.forEach((rule, index) => {
    const value = decodeSegment(segments[index] ?? "");
    if (value === undefined) {
      issues.push({ field: rule.name, message: "must be a valid percent-encoded path segment" });
    } else {
      params[rule.name] = value;
      // A path segment is text: an integer parameter (`customerNumber`) is read as one to check it.
      issues.push(...rule.check(readQueryValue(rule.type, value)));
    }
  });
  const query = readQuery(rules.queryParameters, request.query, issues);
  const wireIssues: Issue[] = [];
  if (!BEARER.test(request.authorization ?? "")) {
    wireIssues.push({ field: "header Authorization", message: "must be Bearer <access token>" });
  }
  let body: unknown;
  if (rules.body) {
    if (!/^application\/json\s*(;|$)/i.test(request.contentType ?? "")) {
      wireIssues.push({ field: "header Content-Type", message: "must be application/json" });
    }
    body = parseJson(request.body);
    if (body === NOT_JSON) issues.push({ field: "body", message: "must be a JSON object" });
    else issues.push(...rules.body(body));
  } else if (request.body) {
    wireIssues.push({ field: "body", message: "must be empty" });
  }
  return { values: { params, query, body }, issues, wireIssues };
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The declared query parameters sent, read as their schema types them. */
function readQuery(rules: ParameterRule[], query: URLSearchParams, issues: Issue[]) {
  const values: Record<string, unknown> = {};
  for (const rule of rules) {
    const text = query.get(rule.name);
    if (text === null) {
      if (rule.required) issues.push({ field: rule.name, message: "is required" });
      continue;
    }
    const value = readQueryValue(rule.type, text);
    values[rule.name] = value;
    issues.push(...rule.check(value));
  }
  return values;
}

/** `unpaid` and `unpaid=true` are `true`; `7` of an integer is 7; anything else stays text. */
function readQueryValue(type: unknown, text: string): unknown {
  if (type === "boolean")
    return text === "" || text === "true" ? true : text === "false" ? false : text;
  if (type === "integer" && /^-?\d{1,15}$/.test(text)) return Number(text);
  return text;
}

const NOT_JSON = Symbol("not JSON");

/** The parsed body; `NOT_JSON` when it is not JSON, too large, or nested too deep to check. */
function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === "" || nestingDepth(text) > 64) return NOT_JSON;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** The shared refusals, in the order the provider's API answers them, then the module's answer. */
function answer(
  rules: OperationRules,
  checked: Checked,
  request: RawApiRequest,
  { checkToken, limiter }: { checkToken: TokenCheck; limiter: RateLimiter | undefined },
  answerOf: (values: CheckedRequest) => ApiResponse,
): ApiResponse {
  const token = BEARER.exec(request.authorization ?? "")?.[1];
  if (!token) return unauthorized(undefined);
  const { rejected, customer, client, issuedTo } = checkToken(token);
  if (rejected !== undefined) return unauthorized(rejected);
  // Each token is for its mode: a customer's for user mode, the client's own for client mode.
  if (rules.takes === "client" && customer !== undefined) return unauthorized(TAKES_CLIENT);
  if (rules.takes === "customer" && client !== undefined) return unauthorized(TAKES_CUSTOMER);
  if (!limiter)
    return checkedAnswer(rules, checked, request, () => answerOf({ ...checked.values, customer }));
  // Per client, as the provider counts: a token this sandbox did not issue counts as one client.
  const taken = limiter.take(issuedTo ?? "");
  if ("refused" in taken) return taken.refused;
  const response = checkedAnswer(rules, checked, request, () =>
    answerOf({ ...checked.values, customer }),
  );
  return response.kind === "send"
    ? { ...response, headers: { ...response.headers, ...taken.headers } }
    : response;
}

/** The refusals of a request the token may make, then the module's answer. */
function checkedAnswer(
  rules: OperationRules,
  checked: Checked,
  request: RawApiRequest,
  answerOf: () => ApiResponse,
): ApiResponse {
  if (rules.body) {
    const mediaType = request.contentType?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") return refuse(415, unsupportedTypeBody(mediaType));
    if (request.body === undefined) return refuse(413, TOO_LARGE_BODY);
  }
  if (checked.issues.length > 0) return badRequest(checked.issues);
  return answerOf();
}

function responseIssues(response: ApiResponse, rules: OperationRules): Issue[] {
  if (response.kind === "drop") {
    return [{ field: "connection", message: "closed without a response" }];
  }
  return rules.checkResponse({
    status: response.status,
    contentType: response.contentType,
    headers: response.headers,
    body: response.body,
  });
}
