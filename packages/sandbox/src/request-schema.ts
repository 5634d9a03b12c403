// Validates requests (bodies, path and query parameters), and the sandbox's
// own responses, against the spec with a real JSON Schema validator.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { isDay } from "./invoices/values.js";
import type { Spec } from "./spec.js";

/** One way a request or response departs from the spec. */
export interface Issue {
  /** The JSON field that broke a rule, e.g. `invoiceNumber`; `body` for the body itself. */
  field: string;
  /** The rule it broke, in words. */
  message: string;
}

export type RequestCheck = (body: unknown) => Issue[];

/** Checks a response against what the spec declares for its status; `[]` when it conforms. */
export type ResponseCheck = (response: {
  status: number;
  contentType: string | undefined;
  headers: Record<string, string>;
  body: unknown;
}) => Issue[];

const SCHEMA_ID = "connect-payment";

// One validator per spec, shared by every sandbox of the process: compiling
// the spec is the slow part of starting one, and validating keeps no state.
const validators = new WeakMap<Spec, Ajv2020>();

function validatorFor(spec: Spec): Ajv2020 {
  let ajv = validators.get(spec);
  if (!ajv) {
    // `strict: false` lets ajv pass over the spec's OpenAPI-only keys (x-…, examples).
    ajv = new Ajv2020({ strict: false, allErrors: true });
    // OpenAPI's integer formats: `type: integer` already checks the value, so
    // they are known to ajv (no "unknown format" warning) and add no rule.
    ajv.addFormat("int32", { type: "number", validate: () => true });
    ajv.addFormat("int64", { type: "number", validate: () => true });
    // `format: date` (RFC 3339 full-date): a real calendar day, so `2024-13-45` is refused.
    ajv.addFormat("date", { type: "string", validate: isDay });
    ajv.addSchema({ $id: SCHEMA_ID, components: spec.components, paths: spec.paths });
    validators.set(spec, ajv);
  }
  return ajv;
}

/**
 * A validating proxy in one function: the status must be one the spec
 * declares for the operation; when the spec gives that status a JSON schema,
 * the body must match it, and every header the spec marks required must be sent.
 */
export function createResponseCheck(spec: Spec, path: string, method = "post"): ResponseCheck {
  const ajv = validatorFor(spec);
  const responses = spec.paths[path]?.[method]?.responses ?? {};
  const pointer = `${SCHEMA_ID}#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}/responses`;
  const byStatus = new Map<string, ValidateFunction | undefined>();
  for (const [status, response] of Object.entries(responses)) {
    const json = response.content?.["application/json"];
    byStatus.set(
      status,
      json?.schema
        ? ajv.getSchema(`${pointer}/${status}/content/application~1json/schema`)
        : undefined,
    );
  }
  return ({ status, contentType, headers, body }) => {
    const key = String(status);
    if (!byStatus.has(key)) {
      return [{ field: "status", message: `${status} is not a response the spec declares` }];
    }
    const issues: Issue[] = [];
    for (const [name, header] of Object.entries(responses[key]?.headers ?? {})) {
      if (header.required && headers[name.toLowerCase()] === undefined) {
        issues.push({ field: `header ${name}`, message: "is required by the spec" });
      }
    }
    const validate = byStatus.get(key);
    if (validate) {
      if (!contentType?.startsWith("application/json")) {
        issues.push({
          field: "content-type",
          message: `must be application/json, got ${contentType}`,
        });
      } else if (!validate(body)) {
        issues.push(...(validate.errors ?? []).map(toIssue));
      }
    }
    return issues;
  };
}

function toIssue(error: ErrorObject): Issue {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const field = missing ?? (error.instancePath.replace(/^\//, "").replaceAll("/", ".") || "body");
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const message = allowed
    ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`
    : (error.message ?? "is invalid");
  return { field, message };
}

/** Checks a value against the schema at a JSON pointer into the spec, e.g. a path parameter's. */
export function createSchemaCheck(spec: Spec, pointer: string, field = "body"): RequestCheck {
  const validate = validatorFor(spec).getSchema(`${SCHEMA_ID}#${pointer}`);
  if (!validate) throw new Error(`The spec has nothing at ${pointer}`);
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map(toIssue).map((issue) => ({
          ...issue,
          field: issue.field === "body" ? field : issue.field,
        }));
}
