// The one URL rule of every package: https, or plain http only to this machine
// (127.0.0.0/8, [::1], localhost), where a token in clear text never crosses a
// network. A base URL also carries no credentials, query or fragment: paths
// are appended to it.

/** Parses a URL, or gives `undefined`; never throws. */
export function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/**
 * Whether a host name, as `URL.hostname` gives it, is this machine: `localhost`,
 * 127.0.0.0/8 or `[::1]`. The URL parser has already lower-cased the name and
 * written every IPv4 form (`127.1`, `0x7f000001`) and IPv6 form in one spelling.
 */
export const isLoopbackHost = (hostname: string): boolean =>
  /^(localhost|\[::1\]|127(\.\d+){3})$/.test(hostname);

/** The first rule a URL breaks, in the order they are checked. */
export type UrlFault =
  "not_url" | "scheme" | "insecure_http" | "credentials" | "fragment" | "query";

/** What a URL may have besides the rule every URL follows. */
export interface UrlAllowance {
  /** Plain http to any host (the client's `allowInsecureHttp`). */
  anyHttp?: boolean | undefined;
  /** A query: an endpoint or a return URL keeps one; a base URL cannot. */
  query?: boolean | undefined;
  /** A fragment: a return URL may keep one; a base or redirect URI cannot. */
  fragment?: boolean | undefined;
}

/**
 * The URL, or the first rule it breaks. A bare `?` or `#` counts although
 * `URL.search` and `URL.hash` stay empty for it.
 */
export function checkedUrl(value: unknown, allow: UrlAllowance = {}): URL | UrlFault {
  const url = typeof value == "string" ? parseUrl(value) : undefined;
  if (!url) return "not_url";
  if (!/^https?:$/.test(url.protocol)) return "scheme";
  if (url.protocol == "http:" && !allow.anyHttp && !isLoopbackHost(url.hostname)) {
    return "insecure_http";
  }
  if (url.username || url.password) return "credentials";
  if (!allow.fragment && (value as string).includes("#")) return "fragment";
  // A `?` before any `#`: one inside the fragment is the fragment's.
  if (!allow.query && /^[^#]*\?/.test(value as string)) return "query";
  return url;
}
