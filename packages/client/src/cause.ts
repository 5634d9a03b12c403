// A `network` error keeps what the runtime threw as its `cause`, so the real
// reason is visible. A caller's own fetch may have put the request (and so the
// token) into what it threw, so the cause is kept only when the token is
// certainly nowhere in it; otherwise a copy of its name and message, with the
// token removed. A value too large to search whole is treated as holding it.

/** A property's value, or nothing when its getter throws. */
function read(value: object, key: PropertyKey): unknown {
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

// How much of a thrown value is searched. A value larger than this cannot be
// shown to be free of the token, so it is not kept (fail closed).
const MAX_OBJECTS = 1000;
const MAX_ENTRIES = 1000;

/** The strings and values one object leads to: keys, own values, class getters, entries. */
function partsOf(value: object): { parts: unknown[]; complete: boolean } {
  const parts: unknown[] = [];
  for (const key of Reflect.ownKeys(value)) parts.push(String(key), read(value, key));
  let proto = Object.getPrototypeOf(value) as object | null;
  for (
    ;
    proto && proto != Object.prototype && proto != Error.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const key of Reflect.ownKeys(proto)) {
      // `body` is a stream: reading it would consume it, and it is not the request's headers.
      if (key != "body" && Object.getOwnPropertyDescriptor(proto, key)?.get)
        parts.push(read(value, key));
    }
  }
  let entries = 0;
  try {
    for (const entry of value as Iterable<unknown>) {
      if (++entries > MAX_ENTRIES) return { parts, complete: false };
      parts.push(entry);
    }
  } catch {
    // not iterable
  }
  return { parts, complete: true };
}

/**
 * Whether `token` appears in any string reachable from `value`: own properties
 * (hidden and symbol-keyed ones too, so `message`, `stack` and `cause`), getters of
 * its class (such as a Request's `headers`), and the entries of a Map or Headers.
 * `"unknown"` when the value is too large to search whole. A work list, not
 * recursion, so no depth of nesting can overflow the stack.
 */
function search(value: unknown, token: string): "found" | "absent" | "unknown" {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next == "string") {
      if (next.includes(token)) return "found";
      continue;
    }
    if (typeof next != "object" || !next || seen.has(next)) continue;
    if (seen.add(next).size > MAX_OBJECTS) return "unknown";
    const { parts, complete } = partsOf(next);
    if (!complete) return "unknown";
    pending.push(...parts);
  }
  return "absent";
}

/**
 * What a failed fetch threw, made safe to keep as `cause`: the error itself when the
 * token certainly appears nowhere in it, otherwise (found, or too large to search
 * whole) a plain Error with the same name and message, the token replaced.
 */
export function safeCause(error: unknown, token: string): unknown {
  if (search(error, token) == "absent") return error;
  const { name, message } = Object(error) as { name?: unknown; message?: unknown };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any thrown value, printed as the runtime would
  const redact = (text: unknown) => String(text ?? "").replaceAll(token, "[redacted]");
  const copy = new Error(redact(message));
  copy.name = redact(name ?? "Error");
  return copy;
}
