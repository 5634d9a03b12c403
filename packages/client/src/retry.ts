// The retry policy, whole: when to try again and how long to wait first.
// Pay invoice starts a payment and the API documents no idempotency key, so a
// retry is only safe when the first attempt was certainly not processed: a 429,
// or a connection that failed before any byte of the request was sent.

/** Connection errors that happen before any byte of the request is sent. */
const NEVER_SENT = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"];

/**
 * The error code behind a failed fetch, where the runtime gives one: Node puts it on
 * `error.cause.code`, Bun on `error.code`. Deno, workerd and browsers give none (their
 * reason is prose in a message), so their failures are never taken as "never sent".
 */
export function causeCode(error: unknown): string | undefined {
  const { code, cause } = Object(error) as { code?: unknown; cause?: unknown };
  const found = (Object(cause) as { code?: unknown }).code ?? code;
  // A DOMException's `code` is a number with another meaning.
  return typeof found == "string" ? found : undefined;
}

/** True when the request certainly never left this machine, so repeating it cannot pay twice. */
export const neverSent = (error: unknown): boolean => NEVER_SENT.includes(causeCode(error) ?? "");

/** Full jitter: a random wait up to 250 ms, 500 ms, 1 s, … capped at 8 s. */
export const defaultRetryDelay = (attempt: number): number =>
  Math.random() * Math.min(8_000, 250 * 2 ** attempt);

/** The client options the policy reads. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The longest wait the server may ask for; a longer one ends the retries. */
  maxRetryAfterMs: number;
  /** The wait before retry number `attempt + 1` when the server names none. */
  retryDelayMs: (attempt: number) => number;
}

/** The policy's defaults, used by `createConnectClient` for the options not given. */
export const RETRY_DEFAULTS: RetryPolicy = {
  maxRetries: 2,
  maxRetryAfterMs: 60_000,
  retryDelayMs: defaultRetryDelay,
};

/** How an attempt ended: a response with a status, or an error before any response. */
export type Outcome = { response: Response } | { error: unknown };

/**
 * How long the server asks the caller to wait, in milliseconds: `Retry-After`,
 * or for a 429 without it, the time until `X-RateLimit-Reset`. The one place
 * either header is read for a wait (by the policy and by the error it throws).
 */
export function serverWait({ status, headers }: Response): number | undefined {
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  if (retryAfter !== undefined || status != 429) return retryAfter;
  return parseRateLimitReset(headers.get("x-ratelimit-reset"));
}

/**
 * The retry policy: the wait before trying again after attempt number
 * `attempt` (0 for the first) ended in `outcome`, or undefined when the
 * outcome is final. Retried: a connection that never sent the request, and a
 * 429 whose wait (the server's, else `retryDelayMs`) is within `maxRetryAfterMs`.
 */
export function nextRetry(
  policy: RetryPolicy,
  attempt: number,
  outcome: Outcome,
): number | undefined {
  if (attempt >= policy.maxRetries) return undefined;
  if ("error" in outcome)
    return neverSent(outcome.error) ? policy.retryDelayMs(attempt) : undefined;
  if (outcome.response.status != 429) return undefined;
  const wait = serverWait(outcome.response) ?? policy.retryDelayMs(attempt);
  return wait <= policy.maxRetryAfterMs ? wait : undefined;
}

/** `Retry-After` in milliseconds, from seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  // A number of seconds, or else an HTTP date.
  const seconds = Number(value);
  const ms = seconds >= 0 ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(ms, 0);
}

/** A header's non-negative whole number, or undefined when absent or anything else. */
export const wholeNumber = (value: string | null): number | undefined =>
  value && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;

// X-RateLimit-Reset is "the remaining epoch seconds" before the window renews
// (every 60 s): a count of seconds or an epoch time, the provider does not say.
// A count is at most 60; an epoch time is above 10^9 (since September 2001).
const EPOCH_FROM = 1e9;

/**
 * `X-RateLimit-Reset` as milliseconds from `now`: a count of seconds, or, above
 * 10^9, an epoch time in seconds. Undefined when absent or not a whole number.
 */
export function parseRateLimitReset(value: string | null, now = Date.now()): number | undefined {
  const seconds = wholeNumber(value);
  if (seconds === undefined) return undefined;
  return seconds < EPOCH_FROM ? seconds * 1000 : Math.max(seconds * 1000 - now, 0);
}

/** Waits, but ends early when the caller aborts (the caller then checks its signal). */
export const sleep = (ms: number, signal?: AbortSignal | null): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      // Removed either way, so a long-lived signal gathers no listeners.
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
