import { invalid, type ConnectIssue } from "./errors.js";

/** One field's rule, as `scripts/generate.mjs` writes it from the spec. */
export interface FieldRule {
  readonly required?: boolean;
  /** Absent for a `oneOf` rule, whose branches carry the types. */
  readonly type?: string;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  /** `date`: a real calendar date written `YYYY-MM-DD` (RFC 3339 full-date). */
  readonly format?: string;
  /** For an array of objects: the rules of each item's fields. */
  readonly items?: Rules;
  /** For an array of plain values (strings, numbers): the rule of each item. */
  readonly each?: FieldRule;
  /** For an object: the rules of its fields (absent: any object). */
  readonly fields?: Rules;
  /** The value passes when it meets any of these. */
  readonly oneOf?: readonly FieldRule[];
}

/** The rules of each field of a body, e.g. the generated `PAY_INVOICE.bodyRules`. */
export type Rules = Readonly<Record<string, FieldRule>>;

/** Whether a string is a real calendar date written `YYYY-MM-DD` (`2024-13-45` is not). */
export function isCalendarDate(value: string): boolean {
  // A date that does not exist (2023-02-29) rolls over to another day when parsed.
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d\d-\d\d$/.test(value) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(value)
  );
}

/** Whether a value is a JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == "object" && value !== null && !Array.isArray(value);

/** The broken rule of one field, or undefined when the value follows its rule. */
function breaks(rule: FieldRule, value: unknown): string | undefined {
  if (value === undefined) return rule.required ? "is required" : undefined;
  if (rule.oneOf) {
    return rule.oneOf.some((branch) => !breaks(branch, value))
      ? undefined
      : `must be ${rule.oneOf.map((branch) => `a${branch.type == "integer" ? "n" : ""} ${branch.type}`).join(" or ")}`;
  }
  if (rule.type == "array") return Array.isArray(value) ? undefined : "must be an array";
  if (rule.type == "object") return isObject(value) ? undefined : "must be an object";
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
    if (rule.format == "date" && !isCalendarDate(value)) return "must be a date as YYYY-MM-DD";
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
    else if (rule.fields && isObject(fieldValue)) {
      for (const issue of issuesOf(rule.fields, fieldValue)) {
        issues.push({ field: `${field}.${issue.field}`, message: issue.message });
      }
    } else if (rule.each && Array.isArray(fieldValue)) {
      fieldValue.forEach((item, index) => {
        const itemMessage = breaks(rule.each!, item);
        if (itemMessage) issues.push({ field: `${field}[${index}]`, message: itemMessage });
      });
    } else if (rule.items && Array.isArray(fieldValue)) {
      // Each item by the items' rules, named by its place: `items[0].name`.
      fieldValue.forEach((item, index) => {
        const itemIssues = isObject(item)
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
