import { invalidRequest, type ConnectIssue } from "./errors.js";
import { PAY_INVOICE_REQUEST_RULES } from "./generated/spec.js";

interface FieldRule {
  readonly required?: boolean;
  readonly type: string;
  readonly maxLength?: number;
  readonly enum?: readonly string[];
}

const RULES: Record<string, FieldRule> = PAY_INVOICE_REQUEST_RULES;

/**
 * Checks a Pay invoice body against the rules generated from the spec and
 * returns every broken field, not just the first. `maxLength` counts Unicode
 * code points, as JSON Schema does, so "😀" is one character, not two.
 */
export function findIssues(body: unknown): ConnectIssue[] {
  const issues: ConnectIssue[] = [];
  for (const [field, rule] of Object.entries(RULES)) {
    // Object() turns null, undefined and primitives into an object without the fields.
    const value: unknown = Object(body)[field];
    let message: string | undefined;
    if (value === undefined) {
      if (rule.required) message = "is required";
    } else if (typeof value !== rule.type) {
      message = `must be a ${rule.type}`;
    } else if (
      typeof value === "string" &&
      rule.maxLength !== undefined &&
      [...value].length > rule.maxLength
    ) {
      message = `must be at most ${rule.maxLength} characters`;
    } else if (rule.enum && !rule.enum.includes(value as string)) {
      message = `must be one of ${rule.enum.join(", ")}`;
    }
    if (message) issues.push({ field, message });
  }
  return issues;
}

/** Throws `invalid_request` naming every broken field; nothing has been sent yet. */
export function assertValidPayInvoiceRequest(body: unknown): void {
  const issues = findIssues(body);
  if (issues.length) throw invalidRequest("Pay invoice request", issues);
}
