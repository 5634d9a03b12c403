import { parseUrl } from "./validate.js";

/** What a return can be read from: a URL, a URL or path string, its query, or a fetch `Request`. */
export type PaymentReturnInput = URL | string | URLSearchParams | Request;

/**
 * The text of any input; never throws. `url` is read only from a `Request` or
 * from an object's own property (Node's `req`, a Request-like object), never
 * through a prototype: a polluted `Object.prototype.url` must not turn every
 * input into the attacker's URL.
 */
export function inputText(input: unknown): string {
  try {
    if (typeof input === "string") return input;
    if (input instanceof URL) return input.href;
    if (input instanceof URLSearchParams) return `?${input}`;
    // Own property first; in a runtime without Request, `instanceof` throws and nothing is read.
    const url =
      Object.hasOwn(Object(input) as object, "url") || input instanceof Request
        ? (input as { url: unknown }).url
        : undefined;
    if (typeof url === "string") return url;
  } catch {
    // Unreadable (a hostile getter or proxy, say): nothing to read.
  }
  return "";
}

/**
 * The URL a return was received at. With `origin`, only the path and query of
 * the input count (a request target such as `//evil.example/x` stays a path),
 * so a proxy's internal origin or a forged target cannot move the origin.
 */
export function receivedUrl(text: string, origin?: string): URL | undefined {
  if (origin === undefined) return parseUrl(text);
  const absolute = parseUrl(text);
  const target = absolute ? absolute.pathname + absolute.search : text;
  return target.startsWith("/") ? parseUrl(origin + target) : undefined;
}
