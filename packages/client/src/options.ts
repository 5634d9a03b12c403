import {
  checkedUrl,
  isCount,
  issueList,
  unboundFetch,
  type UrlFault,
} from "@connect-payment/internal";
import { invalid } from "./errors.js";
import { SERVERS } from "./generated/spec.js";
import { RETRY_DEFAULTS } from "./retry.js";

/** A fixed token, or a function called once per request so tokens can be refreshed. */
export type AccessToken = string | (() => string | Promise<string>);

/** What {@link createConnectClient} takes. Only `accessToken` is required. */
export interface ConnectClientOptions {
  /** Which API server to use; default `"production"`. The URLs come from the spec ({@link SERVERS}). */
  environment?: keyof typeof SERVERS;
  /**
   * The API's URL; wins over `environment`. `https:`, or `http:` only to a
   * loopback host (`localhost`, `127.x.x.x`, `[::1]`) unless `allowInsecureHttp`
   * is set. No query, fragment, user or password.
   */
  baseUrl?: string;
  /**
   * Allows a plain `http:` `baseUrl` to a host other than loopback, which
   * sends the customer's token over the network in clear text. Default
   * `false`; only for a private network you trust.
   */
  allowInsecureHttp?: boolean;
  /**
   * The logged-in customer's OAuth access token, sent as `Authorization: Bearer <token>`:
   * a string, or a function called once per request (its retries reuse the token).
   */
  accessToken: AccessToken;
  /**
   * Default `globalThis.fetch`, looked up at each request (so a fetch patched later, e.g. by a
   * test's mock, is used). Either way it is called as a plain function, never as a method.
   */
  fetch?: typeof fetch;
  /** Extra headers sent with every request (no CR or LF in a value). `Authorization` is always the client's own. */
  headers?: Record<string, string>;
  /** Per attempt, covering the headers and the whole body; default 30 000. */
  timeoutMs?: number;
  /** Retries of what was certainly not processed (429, request never left); default 2. */
  maxRetries?: number;
  /** The longest `Retry-After` the client waits for; longer responses throw `rate_limited` at once. Default 60 000. */
  maxRetryAfterMs?: number;
  /** The wait before retry number `attempt + 1` when the API gave no `Retry-After`; default jittered exponential. */
  retryDelayMs?: (attempt: number) => number;
}

/** The options with every default filled in and every value checked. */
export type Settings = Required<Omit<ConnectClientOptions, "environment" | "allowInsecureHttp">>;

// A header name (RFC 9110 token) and a value without CR, LF or NUL.
const HEADER_NAME = /^[!#$%&'*+.^`|~\w-]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;

const QUERY_OR_FRAGMENT = "must not have a query or fragment";
// What a base URL breaks, in the client's words; "must be an http(s) URL" otherwise.
const URL_RULES: Partial<Record<UrlFault, string>> = {
  // The token would cross the network in clear text.
  insecure_http: "must be https (http only to loopback, or with allowInsecureHttp: true)",
  credentials: "must not contain a user or password",
  // The spec's paths are appended to a base URL: a query or fragment would swallow them.
  fragment: QUERY_OR_FRAGMENT,
  query: QUERY_OR_FRAGMENT,
};

/** Fills in the defaults and throws `invalid_request` naming every bad option. */
export function resolveOptions(options: ConnectClientOptions): Settings {
  const {
    environment = "production",
    baseUrl = (SERVERS as Record<string, string>)[environment],
    allowInsecureHttp = false,
    accessToken,
    fetch,
    headers = {},
    timeoutMs = 30_000,
    maxRetries = RETRY_DEFAULTS.maxRetries,
    maxRetryAfterMs = RETRY_DEFAULTS.maxRetryAfterMs,
    retryDelayMs = RETRY_DEFAULTS.retryDelayMs,
  } = options ?? {};
  const { issues, check } = issueList();
  check(
    typeof accessToken == "function" || !!accessToken?.trim?.(),
    "accessToken",
    "must be a non-empty string or a function",
  );
  check(
    typeof accessToken != "string" || HEADER_VALUE.test(accessToken),
    "accessToken",
    "must not contain CR or LF",
  );
  check(typeof allowInsecureHttp == "boolean", "allowInsecureHttp", "must be a boolean");
  // Checked even when a baseUrl wins over it, so a typo never goes unnoticed.
  check(Object.hasOwn(SERVERS, environment), "environment", "must be production or test");
  const url = checkedUrl(baseUrl, { anyHttp: allowInsecureHttp === true });
  if (options?.baseUrl !== undefined && typeof url == "string")
    check(false, "baseUrl", URL_RULES[url] ?? "must be an http(s) URL");
  check(
    typeof (fetch === undefined ? globalThis.fetch : fetch) == "function",
    "fetch",
    "must be a function",
  );
  if (headers === null || typeof headers != "object") {
    check(false, "headers", "must be an object of header names to strings");
  } else {
    for (const [name, value] of Object.entries(headers)) {
      check(HEADER_NAME.test(name), `headers.${name}`, "is not a valid header name");
      check(typeof value == "string", `headers.${name}`, "must be a string");
      check(HEADER_VALUE.test(String(value)), `headers.${name}`, "must not contain CR or LF");
    }
  }
  check(isCount(timeoutMs) && timeoutMs > 0, "timeoutMs", "must be a positive integer");
  check(isCount(maxRetries), "maxRetries", "must be a non-negative integer");
  check(isCount(maxRetryAfterMs), "maxRetryAfterMs", "must be a non-negative integer");
  check(typeof retryDelayMs == "function", "retryDelayMs", "must be a function (attempt) => ms");
  if (issues.length) throw invalid("client options", issues);
  return {
    // Without a trailing slash, so the spec's paths can be appended.
    baseUrl: (baseUrl as string).replace(/\/+$/, ""),
    accessToken,
    fetch: unboundFetch(fetch),
    // Lower-case names, so the client's own `authorization` replaces any given one.
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    timeoutMs,
    maxRetries,
    maxRetryAfterMs,
    retryDelayMs,
  };
}
