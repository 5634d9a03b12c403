import { invalidRequest, type ConnectIssue } from "./errors.js";
import { SERVERS } from "./generated/spec.js";
import { defaultRetryDelay } from "./retry.js";

/** A fixed token, or a function called once per request so tokens can be refreshed. */
export type AccessToken = string | (() => string | Promise<string>);

export interface ConnectClientOptions {
  /** Which API server to use; default `"production"`. The URLs come from the spec. */
  environment?: keyof typeof SERVERS;
  /** Any API URL; wins over `environment`. */
  baseUrl?: string;
  /** The logged-in customer's OAuth access token. */
  accessToken: AccessToken;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. `Authorization` is always the client's own. */
  headers?: Record<string, string>;
  /** Per attempt, covering the headers and the whole body; default 30 000. */
  timeoutMs?: number;
  /** Retries of what was certainly not processed (429, request never left); default 2. */
  maxRetries?: number;
  /** The longest `Retry-After` the client waits for; longer answers throw `rate_limited` at once. Default 60 000. */
  maxRetryAfterMs?: number;
  /** The wait before retry number `attempt + 1` when the API gave no `Retry-After`; default jittered exponential. */
  retryDelayMs?: (attempt: number) => number;
}

export interface ResolvedOptions {
  baseUrl: string;
  accessToken: AccessToken;
  fetch: typeof fetch;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  retryDelayMs: (attempt: number) => number;
}

// The largest delay setTimeout can wait.
const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;

function isHttpUrl(value: unknown): boolean {
  try {
    return /^https?:$/.test(new URL(value as string).protocol);
  } catch {
    return false;
  }
}

/** Fills in the defaults and throws `invalid_request` naming every bad option. */
export function resolveOptions(options: ConnectClientOptions): ResolvedOptions {
  const {
    environment = "production",
    baseUrl: givenBaseUrl,
    accessToken,
    fetch = globalThis.fetch,
    headers = {},
    timeoutMs = 30_000,
    maxRetries = 2,
    maxRetryAfterMs = 60_000,
    retryDelayMs = defaultRetryDelay,
  } = options ?? {};
  const usesBaseUrl = givenBaseUrl !== undefined;
  const baseUrl: unknown = usesBaseUrl
    ? givenBaseUrl
    : (SERVERS as Record<string, string>)[environment];
  const rules: [ok: boolean, field: string, message: string][] = [
    [
      typeof accessToken === "function" || !!(accessToken as string)?.trim?.(),
      "accessToken",
      "must be a non-empty string or a function",
    ],
    [
      isHttpUrl(baseUrl),
      usesBaseUrl ? "baseUrl" : "environment",
      usesBaseUrl ? "must be an http(s) URL" : "must be production or test",
    ],
    [typeof fetch === "function", "fetch", "must be a function"],
    [isCount(timeoutMs) && timeoutMs > 0, "timeoutMs", "must be a positive integer"],
    [isCount(maxRetries), "maxRetries", "must be a non-negative integer"],
    [isCount(maxRetryAfterMs), "maxRetryAfterMs", "must be a non-negative integer"],
  ];
  const issues: ConnectIssue[] = rules
    .filter(([ok]) => !ok)
    .map(([, field, message]) => ({ field, message }));
  if (issues.length) throw invalidRequest("client options", issues);
  return {
    baseUrl: baseUrl as string,
    accessToken,
    fetch,
    headers,
    timeoutMs,
    maxRetries,
    maxRetryAfterMs,
    retryDelayMs,
  };
}
