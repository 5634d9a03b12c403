// A `network` error keeps what the runtime threw as its `cause`, so the real
// reason is visible. A caller's own fetch may have put the request (and so the
// token) into what it threw, so the cause is kept only when the token is
// nowhere in it; otherwise a copy of its name and message, with the token removed.

/** A property's value, or nothing when its getter throws. */
function read(value: object, key: PropertyKey): unknown {
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * True when `token` appears in any string reachable from `value`: own properties
 * (hidden and symbol-keyed ones too, so `message`, `stack` and `cause`), getters of
 * its class (such as a Request's `headers`), and the entries of a Map or Headers.
 */
function carries(value: unknown, token: string, seen = new Set<unknown>()): boolean {
  if (typeof value == "string") return value.includes(token);
  if (typeof value != "object" || !value || seen.has(value) || seen.size > 1000) return false;
  seen.add(value);
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
  try {
    for (const entry of value as Iterable<unknown>) if (parts.push(entry) > 1000) break;
  } catch {
    // not iterable
  }
  return parts.some((part) => carries(part, token, seen));
}

/**
 * What a failed fetch threw, made safe to keep as `cause`: the error itself when the
 * token appears nowhere in it, otherwise a plain Error with the same name and message,
 * the token replaced.
 */
export function safeCause(error: unknown, token: string): unknown {
  if (!carries(error, token)) return error;
  const { name, message } = Object(error) as { name?: unknown; message?: unknown };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any thrown value, printed as the runtime would
  const redact = (text: unknown) => String(text ?? "").replaceAll(token, "[redacted]");
  const copy = new Error(redact(message));
  copy.name = redact(name ?? "Error");
  return copy;
}
