// The spec the types package ships: the sandbox reads the same file the SDK's
// types are generated from, so the two cannot drift apart.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

export interface Spec {
  "x-pay-page": { path: string; query: string[] };
  "x-payment-change-page": { path: string; query: string[] };
  "x-login-servers": Record<string, { url: string }>;
  /** The security requirement of every operation that names none of its own. */
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    securitySchemes?: Record<string, { flows?: Record<string, OAuthFlow> }>;
  };
}

export interface OAuthFlow {
  authorizationUrl?: string;
  tokenUrl?: string;
  scopes?: Record<string, string>;
}

/** A parameter of an operation: in the path or the query. */
export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
  responses?: Record<
    string,
    {
      content?: Record<
        string,
        { schema?: Record<string, unknown>; examples?: Record<string, { value?: unknown }> }
      >;
      headers?: Record<string, { required?: boolean; schema?: Record<string, unknown> }>;
    }
  >;
}

let cached: Spec | undefined;

/** Parsed once per process: every sandbox reads the same file, and never writes to it. */
export function loadSpec(): Spec {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve("@connect-payment/types/openapi.yaml");
    cached = parse(readFileSync(path, "utf8")) as Spec;
  }
  return cached;
}

/** `paymentMethod` → its description in the spec, e.g. `nexi` → "Nexi payment". */
export function paymentMethodLabels(spec: Spec): Record<string, string> {
  const descriptions = spec.components.schemas.PaymentMethod?.["x-enumDescriptions"];
  return (descriptions ?? {}) as Record<string, string>;
}

/** An operation of the spec and its path, by its `operationId`. */
function operationById(spec: Spec, operationId: string): { path: string; operation: Operation } {
  for (const [path, item] of Object.entries(spec.paths)) {
    const operation = Object.values(item).find(
      (candidate) => candidate.operationId === operationId,
    );
    if (operation) return { path, operation };
  }
  throw new Error(`The spec has no operation ${operationId}`);
}

/** The path of an operation of the spec, by its `operationId`. */
export const operationPath = (spec: Spec, operationId: string): string =>
  operationById(spec, operationId).path;

/** The first example of an operation's JSON response for a status, e.g. the 401's body. */
export function responseExample(
  spec: Spec,
  operationId: string,
  status: string,
): Record<string, string> {
  const { operation } = operationById(spec, operationId);
  const examples = operation.responses?.[status]?.content?.["application/json"]?.examples;
  return firstObject(examples, `${operationId}'s ${status} response`) as Record<string, string>;
}

/** The first example of an operation's JSON request body. */
export function requestExample(spec: Spec, operationId: string): Record<string, unknown> {
  const { operation } = operationById(spec, operationId);
  const content = operation.requestBody?.content?.["application/json"] as
    { examples?: Record<string, { value?: unknown }> } | undefined;
  return firstObject(content?.examples, `${operationId}'s request`);
}

function firstObject(
  examples: Record<string, { value?: unknown }> | undefined,
  what: string,
): Record<string, unknown> {
  const value = Object.values(examples ?? {})[0]?.value;
  if (!value || typeof value != "object") throw new Error(`The spec has no example of ${what}`);
  return value as Record<string, unknown>;
}

/** The values of one of the spec's enum schemas, e.g. `ListedPaymentMethod`. */
export function enumOf(spec: Spec, schema: string): string[] {
  const values = spec.components.schemas[schema]?.enum;
  if (!Array.isArray(values) || !values.length) throw new Error(`The spec has no enum ${schema}`);
  return values as string[];
}

/** HTTP methods an OpenAPI path item may hold. */
const METHODS = ["get", "put", "post", "delete", "patch"];

/** Every operation of the spec with its path and method (lower case), in the spec's order. */
export function operationsOf(
  spec: Spec,
): { path: string; method: string; operationId: string; operation: Operation }[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method, operation]) => METHODS.includes(method) && operation.operationId)
      .map(([method, operation]) => ({
        path,
        method,
        operationId: operation.operationId!,
        operation,
      })),
  );
}

/**
 * The login server's OAuth endpoints (paths under any login server) and
 * scopes, from the spec's `connectId` security scheme and `x-login-servers`.
 */
export function oauthFacts(spec: Spec): {
  authorizePath: string;
  tokenPath: string;
  scopes: string[];
} {
  const flow = spec.components.securitySchemes?.connectId?.flows?.authorizationCode;
  const servers = Object.values(spec["x-login-servers"]).map(({ url }) => url);
  const pathOf = (url: string | undefined) => {
    const base = servers.find((server) => url?.startsWith(`${server}/`));
    if (!url || !base) throw new Error(`The spec's OAuth URL ${url} is under no login server`);
    return url.slice(base.length);
  };
  return {
    authorizePath: pathOf(flow?.authorizationUrl),
    tokenPath: pathOf(flow?.tokenUrl),
    scopes: Object.keys(flow?.scopes ?? {}),
  };
}
