import { invalid, type ConnectIssue } from "./errors.js";
import { PAY_INVOICE_REQUEST_RULES } from "./generated/spec.js";

interface FieldRule {
  readonly required?: boolean;
  readonly type: string;
  readonly maxLength?: number;
  readonly enum?: readonly string[];
}

const RULES = Object.entries(PAY_INVOICE_REQUEST_RULES as Record<string, FieldRule>);

/** The broken rule of one field, or undefined when the value follows its rule. */
function breaks(rule: FieldRule, value: unknown): string | undefined {
  if (value === undefined) return rule.required ? "is required" : undefined;
  if (typeof value != rule.type) return `must be a ${rule.type}`;
  // Count code points, as JSON Schema's maxLength does: "😀" is one character, not two.
  // (Only strings longer in UTF-16 units than the limit can be too long, so most skip the count.)
  const max = rule.maxLength ?? Infinity;
  if (typeof value == "string" && value.length > max && [...value].length > max) {
    return `must be at most ${rule.maxLength} characters`;
  }
  if (rule.enum && !rule.enum.includes(value as string)) {
    return `must be one of ${rule.enum.join(", ")}`;
  }
  return undefined;
}

/**
 * Checks a Pay invoice body against the rules generated from the spec and
 * throws `invalid_request` naming every broken field, not just the first.
 * Nothing has been sent yet.
 */
export function assertValidPayInvoiceRequest(body: unknown): void {
  const issues: ConnectIssue[] = [];
  for (const [field, rule] of RULES) {
    // Object() turns null, undefined and primitives into an object without the fields.
    const message = breaks(rule, Object(body)[field]);
    if (message) issues.push({ field, message });
  }
  if (issues.length) throw invalid("Pay invoice request", issues);
}
