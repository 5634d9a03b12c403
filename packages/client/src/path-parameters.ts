import type { ConnectIssue } from "./errors.js";

// URL parsing resolves a segment of `.` or `..` (and `%2e` in any case for a
// dot), so such a value would send the request, and the token, to another
// path. Values are decoded until stable first: a server or proxy that decodes
// once more must not find a dot segment either.

/** Whether a path parameter's value is, or decodes to, `.` or `..`. */
function isDotSegment(value: string): boolean {
  for (let i = 0; i < 8; i++) {
    if (/^\.\.?$/.test(value)) return true;
    try {
      const next = decodeURIComponent(value);
      if (next == value) return false;
      value = next;
    } catch {
      return false;
    }
  }
  // Still changing after so many decodings: nothing honest looks like that.
  return true;
}

/**
 * The issues of path parameters that would change the path, one per field:
 * empty (`/v1/product/payment/` is another path), or a dot segment. Fields
 * already named in `known` (by the spec's rules) are not named twice.
 */
export function pathIssues(
  values: Record<string, unknown>,
  known: readonly ConnectIssue[] = [],
): ConnectIssue[] {
  const issues: ConnectIssue[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (typeof value != "string" || known.some((issue) => issue.field == field)) continue;
    const message = !value
      ? "must not be empty"
      : isDotSegment(value) && 'must not be "." or ".." (or an encoding of them)';
    if (message) issues.push({ field, message: `${message}: it would change the path` });
  }
  return issues;
}

/**
 * A path template (`/v1/product/payment/{productCode}`) with each `{name}`
 * replaced by its value, percent-encoded so a value can never add a segment
 * or a query. Call it only with values already checked by the path rules and
 * {@link pathIssues}.
 */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}
