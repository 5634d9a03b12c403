// The URL rule every configured URL follows (https, or http to loopback only),
// in the words of this package's errors.
import { checkedUrl, type UrlFault } from "@connect-payment/internal";

export const SECURE_RULE = "https (http only on loopback: 127.0.0.0/8, localhost or [::1])";

const NOT_SECURE = `must be an ${SECURE_RULE} URL`;
const URL_RULES: Record<UrlFault, string> = {
  not_url: NOT_SECURE,
  scheme: NOT_SECURE,
  insecure_http: NOT_SECURE,
  credentials: "must hold no credentials",
  fragment: "must have no fragment (#)",
  query: "must have no query (?)",
};

/**
 * Why a configured URL cannot be right, or `undefined` when it can. Any `#`
 * is refused, credentials always; a query unless the URL is an endpoint,
 * whose query is kept (RFC 6749 section 3.1).
 */
export function urlProblem(value: unknown, allowQuery: boolean): string | undefined {
  const checked = checkedUrl(value, { query: allowQuery });
  return typeof checked == "string" ? URL_RULES[checked] : undefined;
}

/** Whether a URL from a server's metadata may be used: https, or http on loopback. */
export const usableEndpoint = (value: unknown): boolean => urlProblem(value, true) === undefined;
