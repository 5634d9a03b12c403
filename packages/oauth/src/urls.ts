// The URL rules every configured URL follows: https, or http on loopback only.
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** `https:`, or `http:` on a loopback host; `undefined` when not a URL, `false` when not secure. */
export function secureEnough(value: unknown): { url: URL; http: boolean } | undefined | false {
  if (typeof value != "string") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol === "https:") return { url, http: false };
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return { url, http: true };
  return false;
}

export const SECURE_RULE = "https (http only on 127.0.0.1, localhost or [::1])";

/**
 * Why a configured URL cannot be right, or `undefined` when it can. Any `#`
 * is refused (a bare `#` leaves `URL.hash` empty); credentials always; a
 * query unless the URL is an endpoint, whose query is kept (RFC 6749 section 3.1).
 */
export function urlProblem(value: unknown, allowQuery: boolean): string | undefined {
  const checked = secureEnough(value);
  if (!checked) return `must be an ${SECURE_RULE} URL`;
  const { url } = checked;
  if ((value as string).includes("#")) return "must have no fragment (#)";
  if (url.username || url.password) return "must hold no credentials";
  if (!allowQuery && (value as string).includes("?")) return "must have no query (?)";
  return undefined;
}

/** Whether a URL from a server's metadata may be used: https, or http on loopback. */
export const usableEndpoint = (value: unknown): boolean => urlProblem(value, true) === undefined;
