// A `network` error keeps what the runtime threw as its `cause`, so the real
// reason is visible. A caller's own fetch may have put the request (and so the
// token) into what it threw, so the cause is kept only when the token is
// nowhere in it; otherwise a copy of its name and message, with the token removed.

const MAX_DEPTH = 6;

/** The values an object shows: own properties (hidden and symbol-keyed too), getters of its class, entries of a Map or Headers. */
function* parts(value: object): Generator<unknown> {
  for (const key of Reflect.ownKeys(value)) {
    yield typeof key == "string" ? key : String(key);
    yield read(value, key);
  }
  // Getters such as `Request.prototype.headers` hold what inspection shows.
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    if (proto === Object.prototype || proto === Error.prototype) break;
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get && key != "body") yield read(value, key);
    }
  }
  if (typeof (value as Iterable<unknown>)[Symbol.iterator] == "function") {
    let count = 0;
    try {
      for (const entry of value as Iterable<unknown>) {
        if (count++ > 100) break;
        yield entry;
      }
    } catch {
      // not really iterable: nothing more to show
    }
  }
}

/** A property's value, or nothing when its getter throws. */
function read(value: object, key: PropertyKey): unknown {
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** True when `token` appears in any string reachable from `value`. */
function carries(value: unknown, token: string, seen = new Set<unknown>(), depth = 0): boolean {
  if (typeof value == "string") return value.includes(token);
  if (typeof value != "object" || value === null || seen.has(value) || depth > MAX_DEPTH) {
    return false;
  }
  seen.add(value);
  for (const part of parts(value)) if (carries(part, token, seen, depth + 1)) return true;
  return false;
}

/**
 * What a failed fetch threw, made safe to keep as `cause`: the error itself when the
 * token appears in none of its strings (message, stack, properties, nested causes),
 * otherwise a plain Error with the same name and message, the token replaced.
 */
export function safeCause(error: unknown, token: string): unknown {
  if (!carries(error, token)) return error;
  const { name, message } = Object(error) as { name?: unknown; message?: unknown };
  const redact = (text: unknown) => String(text ?? "").replaceAll(token, "[redacted]");
  const copy = new Error(redact(message));
  copy.name = redact(name ?? "Error");
  return copy;
}
