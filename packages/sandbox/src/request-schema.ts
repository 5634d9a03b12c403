// Validates Pay invoice bodies against the spec's PayInvoiceRequest schema
// with a real JSON Schema validator.
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import type { Spec } from "./spec.js";

export interface Issue {
  /** The JSON field that broke a rule, e.g. `invoiceNumber`; `body` for the body itself. */
  field: string;
  message: string;
}

export type RequestCheck = (body: unknown) => Issue[];

const SCHEMA_ID = "connect-payment";

export function createRequestCheck(spec: Spec): RequestCheck {
  // `strict: false` lets ajv pass over the spec's OpenAPI-only keys (x-…, examples).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: SCHEMA_ID, components: spec.components });
  const validate = ajv.getSchema(`${SCHEMA_ID}#/components/schemas/PayInvoiceRequest`);
  if (!validate) throw new Error("The spec has no components.schemas.PayInvoiceRequest");
  return (body) => (validate(body) ? [] : (validate.errors ?? []).map(toIssue));
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
