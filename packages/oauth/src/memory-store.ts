// The token store in this process's memory, with the refresh lease, so that
// several token sources sharing it send one refresh per expiry.
import {
  DEFAULT_REFRESH_LEASE_MS,
  REFRESH_FAILURE_KEPT_MS,
  type RefreshLease,
} from "./store-lease.js";
import type { TokenStore } from "./token-store.js";
import type { TokenSet } from "./tokens.js";

/** What {@link memoryTokenStore} takes besides the first tokens. */
export interface MemoryTokenStoreOptions {
  /** How long a refresh lease lasts unless let go; default {@link DEFAULT_REFRESH_LEASE_MS}. */
  leaseMs?: number;
}

/** What {@link memoryTokenStore} returns: a token store that always has a refresh lease. */
export interface LeasedTokenStore extends TokenStore {
  /** Lets one token source refresh at a time; the others wait for its tokens or its failure. */
  lease: RefreshLease;
}

/**
 * A store in this process's memory: for a script, a test, or one customer
 * shared by several token sources in one process (they coordinate through
 * its refresh lease). Its tokens are gone when the process ends; for several
 * processes, use `redisTokenStore` of `@connect-payment/oauth-redis`.
 *
 * @example
 * ```ts
 * import { createConnectIdLogin, memoryTokenStore, type TokenSet } from "@connect-payment/oauth";
 *
 * declare const login: ReturnType<typeof createConnectIdLogin>;
 * declare const tokens: TokenSet; // what `login.finishLogin()` resolved
 *
 * const store = memoryTokenStore(tokens);
 * const accessToken = login.tokenSource({ store });
 * // Refreshed shortly before expiry; the new tokens are saved in `store`.
 * const bearer = await accessToken();
 * ```
 */
export function memoryTokenStore(
  initial?: TokenSet,
  options: MemoryTokenStoreOptions = {},
): LeasedTokenStore {
  const leaseMs = options.leaseMs ?? DEFAULT_REFRESH_LEASE_MS;
  let current = initial;
  let held: { holder: string; until: number } | undefined;
  const failures = new Map<string, { failure: string; until: number }>();

  const holderNow = () => (held && held.until > Date.now() ? held.holder : undefined);
  const lease: RefreshLease = {
    acquire(holder) {
      if (holderNow() === undefined) held = { holder, until: Date.now() + leaseMs };
      return holderNow() as string;
    },
    status(previous) {
      const left = failures.get(previous);
      return {
        holder: holderNow(),
        failure: left && left.until > Date.now() ? left.failure : undefined,
      };
    },
    release(holder, failure) {
      const now = Date.now();
      for (const [key, left] of failures) if (left.until <= now) failures.delete(key);
      if (failure !== undefined)
        failures.set(holder, { failure, until: now + REFRESH_FAILURE_KEPT_MS });
      if (held?.holder === holder) held = undefined;
    },
  };
  return {
    get: () => current,
    set: (tokens) => {
      current = tokens;
    },
    lease,
  };
}
