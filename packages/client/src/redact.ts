// Redaction applies to what an error carries, never to data handed back as
// a response: a token that legitimately appears in a 2xx response stays as sent.

const REDACTED = "[redacted]";

// How deep a kept error body may nest. Provider errors are a level or two;
// a deeper copy could not be logged (JSON.stringify throws a RangeError a few
// thousand levels down), so anything below this is replaced by a marker.
export const MAX_BODY_DEPTH = 64;
const TOO_DEEP = "[nested too deep]";

type Container = Record<string, unknown> | unknown[];
interface Pending {
  from: unknown;
  into: Container;
  key: string | number;
  depth: number;
}

/** Sets an own property, even one named `__proto__` (as JSON.parse makes it). */
const define = (into: Container, key: string | number, value: unknown) =>
  Object.defineProperty(into, key, { value, writable: true, enumerable: true, configurable: true });

/**
 * A copy of a parsed JSON value with the token replaced in every string and
 * key. Parsed values are checked, so escapes such as `\/` or `\u0041` in the
 * response's text cannot hide an echo. It walks a work list, not the call
 * stack, so no nesting can overflow it; values nested deeper than
 * {@link MAX_BODY_DEPTH} levels are replaced by `"[nested too deep]"`.
 */
export function redactValue(value: unknown, token: string): unknown {
  const root: unknown[] = [];
  const pending: Pending[] = [{ from: value, into: root, key: 0, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { from, into, key, depth } = next;
    if (typeof from == "string") define(into, key, from.replaceAll(token, REDACTED));
    else if (!from || typeof from != "object") define(into, key, from);
    else if (depth >= MAX_BODY_DEPTH) define(into, key, TOO_DEEP);
    else {
      const copy: Container = Array.isArray(from) ? [] : {};
      define(into, key, copy);
      // Keys are created here, in order; their values are filled in as the list is worked.
      for (const [name, item] of Object.entries(from)) {
        const copyKey = Array.isArray(copy) ? Number(name) : name.replaceAll(token, REDACTED);
        define(copy, copyKey, undefined);
        pending.push({ from: item, into: copy, key: copyKey, depth: depth + 1 });
      }
    }
  }
  return root[0];
}

/** Text with the token replaced, as sent and as JSON would escape `/`. */
export const redactText = (text: string, token: string): string =>
  text.replaceAll(token, REDACTED).replaceAll(token.replaceAll("/", "\\/"), REDACTED);
