import { invalid, type ConnectIssue } from "./errors.js";

/** One field's rule, as `scripts/generate.mjs` writes it from the spec. */
export interface FieldRule {
  readonly required: boolean;
  readonly type: string;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  /** For an array of objects: the rules of each item's fields. */
  readonly items?: Rules;
}

/** The rules of each field of a body, e.g. the generated `PAY_INVOICE_REQUEST_RULES`. */
export type Rules = Readonly<Record<string, FieldRule>>;

/** The broken rule of one field, or undefined when the value follows its rule. */
function breaks(rule: FieldRule, value: unknown): string | undefined {
  if (value === undefined) return rule.required ? "is required" : undefined;
  if (rule.type == "array") return Array.isArray(value) ? undefined : "must be an array";
  if (rule.type == "integer" ? !Number.isInteger(value) : typeof value != rule.type) {
    return `must be a${rule.type == "integer" ? "n" : ""} ${rule.type}`;
  }
  if (typeof value == "string") {
    // Count code points, as JSON Schema's maxLength does: "😀" is one character, not two.
    // (Only strings longer in UTF-16 units than the limit can be too long, so most skip the count.)
    const max = rule.maxLength ?? Infinity;
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are what we count
    if (value.length > max && [...value].length > max) {
      return `must be at most ${max} characters`;
    }
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points, as above
    if (rule.minLength && [...value].length < rule.minLength) {
      return `must be at least ${rule.minLength} characters`;
    }
  }
  if ((value as number) < (rule.minimum ?? -Infinity)) return `must be at least ${rule.minimum}`;
  if ((value as number) > (rule.maximum ?? Infinity)) return `must be at most ${rule.maximum}`;
  if (rule.enum && !rule.enum.includes(value)) return `must be one of ${rule.enum.join(", ")}`;
  return undefined;
}

/** Every broken field of `value` (an object, or else a value without any field). */
export function issuesOf(rules: Rules, value: unknown): ConnectIssue[] {
  const issues: ConnectIssue[] = [];
  for (const field in rules) {
    // Object() turns null, undefined and primitives into an object without the fields.
    const rule = rules[field]!;
    const fieldValue = (Object(value) as Record<string, unknown>)[field];
    const message = breaks(rule, fieldValue);
    if (message) issues.push({ field, message });
    else if (rule.items && Array.isArray(fieldValue)) {
      // Each item by the items' rules, named by its place: `items[0].name`.
      fieldValue.forEach((item, index) => {
        const itemIssues =
          typeof item == "object" && item && !Array.isArray(item)
            ? issuesOf(rule.items!, item)
            : [{ field: "", message: "must be an object" }];
        for (const issue of itemIssues) {
          const where = `${field}[${index}]${issue.field ? `.${issue.field}` : ""}`;
          issues.push({ field: where, message: issue.message });
        }
      });
    }
  }
  return issues;
}

/**
 * Checks a body against an operation's generated rules and throws
 * `invalid_request` naming every broken field, not just the first.
 *
 * @param what - names the body in the message, e.g. "Pay invoice request"
 */
export function assertValid(rules: Rules, value: unknown, what = "request"): void {
  const issues = issuesOf(rules, value);
  if (issues.length) throw invalid(what, issues);
}
