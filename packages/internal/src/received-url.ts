// Where a customer came back to (a payment return, a login callback), read from
// whatever the caller has: a URL, a string, the query, a fetch Request or
// Node's request.
import { parseUrl } from "./url-rule.js";

/**
 * The text of any input; never throws. `url` is read only from a `Request` or
 * from an object's own property (Node's `req`, a Request-like object), never
 * through a prototype: a polluted `Object.prototype.url` must not turn every
 * input into the attacker's URL.
 */
export function inputText(input: unknown): string | undefined {
  try {
    if (typeof input == "string") return input;
    if (input instanceof URL) return input.href;
    if (input instanceof URLSearchParams) return `?${input}`;
    // Own property first; in a runtime without Request, `instanceof` throws and nothing is read.
    const url =
      Object.hasOwn(Object(input) as object, "url") || input instanceof Request
        ? (input as { url: unknown }).url
        : undefined;
    if (typeof url == "string") return url;
  } catch {
    // Unreadable (a hostile getter or proxy, say): nothing to read.
  }
  return undefined;
}

/**
 * The URL a return was received at. With `origin`, only the path and query of
 * the input count (a request target such as `//evil.example/x` stays a path),
 * so a proxy's internal origin or a forged target cannot move the origin.
 */
export function receivedUrl(text: string, origin?: string): URL | undefined {
  const absolute = parseUrl(text);
  if (origin === undefined) return absolute;
  const target = absolute ? absolute.pathname + absolute.search : text;
  return target.startsWith("/") ? parseUrl(origin + target) : undefined;
}
