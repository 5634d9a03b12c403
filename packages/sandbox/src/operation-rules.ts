// What the spec says of each API operation, compiled once: the path as a
// pattern, the rules of its path and query parameters and of its JSON body,
// and the check of its answers. The router reads these; nothing else names
// an operation's path or rules.
import {
  createResponseCheck,
  createSchemaCheck,
  type Issue,
  type ResponseCheck,
} from "./request-schema.js";
import { operationsOf, type Parameter, type Spec } from "./spec.js";

/** One parameter's rule: its name, whether it must be sent, and its schema's check. */
export interface ParameterRule {
  name: string;
  required: boolean;
  /** Query values arrive as text: booleans and integers are read before the check. */
  type: unknown;
  check: (value: unknown) => Issue[];
}

export interface OperationRules {
  operationId: string;
  /** Upper case, as on the wire. */
  method: string;
  /** The spec's path template, e.g. `/v1/product/payment/{productCode}`. */
  path: string;
  pathParameters: ParameterRule[];
  queryParameters: ParameterRule[];
  /** The check of the JSON body; `undefined` for an operation without one. */
  body: ((value: unknown) => Issue[]) | undefined;
  checkResponse: ResponseCheck;
  /**
   * The token the operation takes: a customer's (a login) or the client's
   * own, for an operation whose security scheme has a client credentials flow.
   */
  takes: "customer" | "client";
}

/** The operations of one path template, by method, and the pattern that matches the path. */
export interface PathRules {
  path: string;
  /** Matches the path under the API base; one group per path parameter, still percent-encoded. */
  pattern: RegExp;
  byMethod: Map<string, OperationRules>;
}

const escapePointer = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

function parameterRules(spec: Spec, pointer: string, parameters: Parameter[], where: string) {
  return parameters.flatMap((parameter, index): ParameterRule[] =>
    parameter.in !== where
      ? []
      : [
          {
            name: parameter.name,
            required: parameter.required === true,
            type: typeOf(spec, parameter.schema),
            check: createSchemaCheck(spec, `${pointer}/parameters/${index}/schema`, parameter.name),
          },
        ],
  );
}

/** A schema's `type`, through a `$ref` to the spec's components. */
function typeOf(spec: Spec, schema: Record<string, unknown> | undefined): unknown {
  const ref = schema?.$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    return spec.components.schemas[ref.slice("#/components/schemas/".length)]?.type;
  }
  return schema?.type;
}

/** `client` when every scheme the operation names is a client credentials one. */
function tokenTaken(spec: Spec, security: Record<string, string[]>[]): "customer" | "client" {
  const schemes = security.flatMap((requirement) => Object.keys(requirement));
  const clientOnly =
    schemes.length > 0 &&
    schemes.every((name) => spec.components.securitySchemes?.[name]?.flows?.clientCredentials);
  return clientOnly ? "client" : "customer";
}

/** A path template as a pattern: each `{name}` is one segment. */
const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
      .join("([^/]+)")}$`,
  );

/** The rules of every operation of the spec, grouped by path. */
export function operationRules(spec: Spec): PathRules[] {
  const byPath = new Map<string, PathRules>();
  for (const { path, method, operationId, operation } of operationsOf(spec)) {
    const pointer = `/paths/${escapePointer(path)}/${method}`;
    const parameters = operation.parameters ?? [];
    const schema = operation.requestBody?.content?.["application/json"]?.schema;
    const rules: OperationRules = {
      operationId,
      method: method.toUpperCase(),
      path,
      pathParameters: parameterRules(spec, pointer, parameters, "path"),
      queryParameters: parameterRules(spec, pointer, parameters, "query"),
      body: schema
        ? createSchemaCheck(spec, `${pointer}/requestBody/content/application~1json/schema`)
        : undefined,
      checkResponse: createResponseCheck(spec, path, method),
      takes: tokenTaken(spec, operation.security ?? spec.security ?? []),
    };
    const entry = byPath.get(path) ?? { path, pattern: patternOf(path), byMethod: new Map() };
    entry.byMethod.set(rules.method, rules);
    byPath.set(path, entry);
  }
  return [...byPath.values()];
}
