// The provider's rate limits, per client, when a sandbox is started with
// `rateLimits`: fixed windows of one second and one minute (the provider's
// "renew every 60 seconds"), read from the sandbox's clock, which a test or a
// benchmark may run faster (`clockSpeed`). A call over either limit is
// answered 429 with `Retry-After` and the `X-RateLimit-*` headers; the
// handle counts the 429s so a benchmark can read them.
import { json, type ApiResponse } from "./answers.js";

/** The provider's limits per client: "100 API calls for a second", "2000 API calls for a minute". */
export const PROVIDER_RATE_LIMITS: Readonly<SandboxRateLimits> = {
  perSecond: 100,
  perMinute: 2000,
};

/** How many calls a client may make: the provider's are 100 a second and 2,000 a minute. */
export interface SandboxRateLimits {
  /** Calls a second per client. */
  perSecond: number;
  /** Calls a minute per client. */
  perMinute: number;
}

/** What the limits let through and refused so far. */
export interface RateLimitCounts {
  /** Calls the limits let through. */
  allowed: number;
  /** Calls answered 429 by the limits. */
  limited: number;
}

export interface RateLimiter {
  /** The 429 for a call over the limits, or the headers of one within them. */
  take(client: string): { refused: ApiResponse } | { headers: Record<string, string> };
  counts(): RateLimitCounts;
  reset(): void;
}

interface Windows {
  second: number;
  inSecond: number;
  minute: number;
  inMinute: number;
}

export function createRateLimiter(limits: SandboxRateLimits, clock: () => number): RateLimiter {
  const byClient = new Map<string, Windows>();
  const counts: RateLimitCounts = { allowed: 0, limited: 0 };
  return {
    take(client) {
      const now = clock();
      const second = Math.floor(now / 1000);
      const minute = Math.floor(now / 60_000);
      const windows = byClient.get(client) ?? { second, inSecond: 0, minute, inMinute: 0 };
      if (windows.second !== second) Object.assign(windows, { second, inSecond: 0 });
      if (windows.minute !== minute) Object.assign(windows, { minute, inMinute: 0 });
      byClient.set(client, windows);
      // Whole seconds until the minute window renews, as `X-RateLimit-Reset` counts them.
      const minuteReset = Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
      const overMinute = windows.inMinute >= limits.perMinute;
      if (overMinute || windows.inSecond >= limits.perSecond) {
        counts.limited += 1;
        const retryAfter = overMinute ? minuteReset : 1;
        return {
          refused: json(
            429,
            { error: "rate_limited" },
            {
              "retry-after": String(retryAfter),
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": String(minuteReset),
            },
          ),
        };
      }
      windows.inSecond += 1;
      windows.inMinute += 1;
      counts.allowed += 1;
      const remaining = Math.min(
        limits.perSecond - windows.inSecond,
        limits.perMinute - windows.inMinute,
      );
      return {
        headers: {
          "x-ratelimit-remaining": String(remaining),
          "x-ratelimit-reset": String(minuteReset),
        },
      };
    },
    counts: () => ({ ...counts }),
    reset() {
      byClient.clear();
      counts.allowed = 0;
      counts.limited = 0;
    },
  };
}

/** The sandbox's clock: real time, `speed` times faster from the moment it starts. */
export function spedUpClock(speed: number, realNow: () => number = () => Date.now()): () => number {
  const start = realNow();
  return speed === 1 ? realNow : () => start + (realNow() - start) * speed;
}
