// A share of the provider's rate limits, for work that runs beside the
// merchant's customers (a back office): it waits before a call rather than
// cause a 429 that the customers' own calls would then meet.
import { sleep } from "./retry.js";

/** The provider's limits per client: "100 API calls for a second", "2000 API calls for a minute". */
export const PROVIDER_RATE_LIMITS = {
  /** Calls a second per client. */
  perSecond: 100,
  /** Calls a minute per client. */
  perMinute: 2_000,
} as const;

/** What a budget reads the time from; a test or a benchmark can run it faster. */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock, or sooner when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now()`, and the client's own abortable `sleep`. */
export const systemClock: Clock = { now: () => Date.now(), sleep };

/** Calls let through within a share of the limits. */
export interface RateBudget {
  /** Resolves when one more call fits in both windows; calls are let through one at a time. */
  take(signal?: AbortSignal): Promise<void>;
}

/**
 * A budget of `share` of each limit, over sliding windows of one second and
 * one minute. A sliding window is never looser than the provider's fixed
 * ones ("renew every 60 seconds"), wherever their edges fall.
 */
export function rateBudget(share: number, clock: Clock = systemClock): RateBudget {
  const windows = [
    { ms: 1_000, max: Math.max(1, Math.floor(PROVIDER_RATE_LIMITS.perSecond * share)) },
    { ms: 60_000, max: Math.max(1, Math.floor(PROVIDER_RATE_LIMITS.perMinute * share)) },
  ];
  // When each call of the last minute was let through, oldest first.
  const taken: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  /** How long until one more call fits, 0 when it fits now. */
  function wait(now: number): number {
    while (taken.length && taken[0]! <= now - 60_000) taken.shift();
    let longest = 0;
    for (const { ms, max } of windows) {
      const inWindow = taken.filter((at) => at > now - ms);
      if (inWindow.length >= max) longest = Math.max(longest, inWindow[0]! + ms - now);
    }
    return longest;
  }

  async function takeOne(signal?: AbortSignal) {
    signal?.throwIfAborted();
    for (let ms = wait(clock.now()); ms > 0; ms = wait(clock.now())) {
      await clock.sleep(ms, signal);
      signal?.throwIfAborted();
    }
    taken.push(clock.now());
  }

  return {
    take(signal) {
      const turn = queue.then(() => takeOne(signal));
      // A caller that gave up (aborted) does not stop the ones behind it.
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
