import { invalid, type ConnectIssue } from "./errors.js";

// URL parsing resolves a segment of `.` or `..` (and `%2e` in any case for a
// dot), so such a value would send the request, and the token, to another
// path. Values are decoded until stable first: a server or proxy that decodes
// once more must not find a dot segment either.
const DOT_SEGMENT = /^\.{1,2}$/;
const MAX_DECODINGS = 8;

/** Whether a path parameter's value is, or decodes to, `.` or `..`. */
function isDotSegment(value: string): boolean {
  let current = value;
  for (let i = 0; i < MAX_DECODINGS; i++) {
    if (DOT_SEGMENT.test(current)) return true;
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (next == current) return false;
    current = next;
  }
  // Still changing after so many decodings: nothing honest looks like that.
  return true;
}

/** What is wrong with one path parameter's value, or undefined. */
function problem(value: unknown): string | undefined {
  if (typeof value != "string") return undefined;
  // An empty segment asks for another path (`/v1/product/payment/`).
  if (!value) return "must not be empty: it would change the path";
  if (isDotSegment(value)) {
    return 'must not be "." or ".." (or an encoding of either): it would change the path';
  }
  return undefined;
}

/**
 * The issues of path parameters that would change the path, one per field.
 * Fields already named in `known` (by the spec's rules) are not named twice.
 */
export function pathIssues(
  values: Record<string, unknown>,
  known: readonly ConnectIssue[] = [],
): ConnectIssue[] {
  const issues: ConnectIssue[] = [];
  for (const [field, value] of Object.entries(values)) {
    const message = problem(value);
    if (message && !known.some((issue) => issue.field == field)) issues.push({ field, message });
  }
  return issues;
}

/**
 * A path template (`/v1/product/payment/{productCode}`) with each `{name}`
 * replaced by its value, percent-encoded so a value can never add a segment
 * or a query. Call it only with values already checked by the path rules;
 * it still refuses (`invalid_request`) a value that would change the path.
 */
export function fillPath(template: string, values: Record<string, string>): string {
  const issues = pathIssues(values);
  if (issues.length) throw invalid("path parameter", issues);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}
