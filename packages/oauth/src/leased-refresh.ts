// Refreshing through a store's lease: one token source refreshes, every other
// one (in this process or another) waits for its tokens or its error.
import { ConnectIdError, invalid } from "./errors.js";
import { errorFrom, failureText } from "./lease-failure.js";
import type { RefreshLease } from "./store-lease.js";
import type { TokenStore } from "./token-store.js";
import { storedTokens, type TokenSet } from "./tokens.js";

/** What the token source calls instead of `store.get()` and `refresh()` when the store has a lease. */
export interface LeasedRefresh {
  /** The store's tokens, after saving any that this source refreshed but could not save. */
  read(): Promise<TokenSet | undefined>;
  /**
   * Refreshes `before` (the store's tokens; the caller saw `seen`) under the
   * lease and saves the result, or waits for whoever holds the lease. `force`
   * takes any newer tokens, fresh or not.
   */
  refresh(before: TokenSet, seen: TokenSet, force: boolean): Promise<TokenSet>;
}

// Waiters look at the store again after 20 ms, then less often, up to every 200 ms.
const FIRST_POLL_MS = 20;
const LAST_POLL_MS = 200;

/** `undefined` for a store without a lease: the token source then works as it always has. */
export function leasedRefresh(
  store: TokenStore,
  refresh: (tokens: TokenSet) => Promise<TokenSet>,
  fresh: (tokens: TokenSet) => boolean,
): LeasedRefresh | undefined {
  if (store.lease === undefined) return undefined;
  checkLease(store.lease);
  return leasedWith(store, store.lease, refresh, fresh);
}

function leasedWith(
  store: TokenStore,
  lease: RefreshLease,
  refresh: (tokens: TokenSet) => Promise<TokenSet>,
  fresh: (tokens: TokenSet) => boolean,
): LeasedRefresh {
  // Tokens refreshed while the store could not take them: saved by the next call, never dropped.
  let unsaved: { tokens: TokenSet; replaced: TokenSet; holder: string } | undefined;
  let saving: Promise<void> | undefined;
  // Calls that arrive together share one read: a shared store is a network hop away.
  let reading: Promise<TokenSet | undefined> | undefined;

  async function saveUnsaved(pending: NonNullable<typeof unsaved>) {
    const stored = storedTokens(await store.get());
    // Saved only over the very tokens ours replaced: an emptied store (a logout)
    // or another login's tokens win, and ours are dropped.
    if (stored && !replaced(pending.replaced, stored)) await store.set(pending.tokens);
    unsaved = undefined;
    await quietly(() => lease.release(pending.holder));
  }

  async function holdAndRefresh(holder: string, seen: TokenSet, force: boolean) {
    const current = await quietlyReleasing(lease, holder, async () =>
      storedTokens(await store.get()),
    );
    if (current && replaced(seen, current) && (force || fresh(current))) {
      await quietly(() => lease.release(holder));
      return current;
    }
    if (!current) {
      await quietly(() => lease.release(holder));
      throw new ConnectIdError(
        "login_required",
        "No tokens in the store: the customer must log in",
      );
    }
    let renewed: TokenSet;
    try {
      renewed = await refresh(current);
    } catch (error) {
      await quietly(() => lease.release(holder, failureText(error)));
      throw error;
    }
    try {
      await store.set(renewed);
    } catch (error) {
      // The lease stays taken until it expires, so no one refreshes the retired refresh token meanwhile.
      unsaved = { tokens: renewed, replaced: current, holder };
      throw error;
    }
    await quietly(() => lease.release(holder));
    return renewed;
  }

  return {
    async read() {
      if (unsaved) await (saving ??= saveUnsaved(unsaved).finally(() => (saving = undefined)));
      reading ??= Promise.resolve(store.get()).finally(() => (reading = undefined));
      return reading;
    },
    async refresh(before, seen, force) {
      // Another source (or process) refreshed meanwhile: its tokens are the answer.
      if (replaced(seen, before) && (force || fresh(before))) return before;
      const me = crypto.randomUUID();
      let expected = before;
      for (;;) {
        const holder = await lease.acquire(me);
        if (holder === me) return holdAndRefresh(me, expected, force);
        const theirs = await waitFor(store, lease, holder, expected);
        if (theirs && (force || fresh(theirs))) return theirs;
        if (theirs) expected = theirs;
      }
    },
  };
}

/** Waits while `holder` refreshes: its tokens, its error, or `undefined` once it let go without either. */
async function waitFor(
  store: TokenStore,
  lease: RefreshLease,
  holder: string,
  seen: TokenSet,
): Promise<TokenSet | undefined> {
  for (let delay = FIRST_POLL_MS; ; delay = Math.min(delay * 2, LAST_POLL_MS)) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const current = storedTokens(await store.get());
    if (current && replaced(seen, current)) return current;
    const status = await lease.status(holder);
    if (status.failure !== undefined) throw errorFrom(status.failure);
    if (status.holder !== holder) return undefined;
  }
}

async function quietlyReleasing<T>(
  lease: RefreshLease,
  holder: string,
  step: () => T | Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await quietly(() => lease.release(holder));
    throw error;
  }
}

/** Another token set than `seen`: someone refreshed (or logged in again) meanwhile. */
function replaced(seen: TokenSet, current: TokenSet): boolean {
  return current.accessToken !== seen.accessToken || current.refreshToken !== seen.refreshToken;
}

function checkLease(lease: unknown) {
  const methods = ["acquire", "status", "release"] as const;
  const broken = methods.filter(
    (name) => typeof (lease as Record<string, unknown> | null)?.[name] != "function",
  );
  if (broken.length) {
    throw invalid("invalid_input", "tokenSource options", [
      { field: "store.lease", message: "must have acquire(), status() and release()" },
    ]);
  }
}

async function quietly(step: () => unknown) {
  try {
    await step();
  } catch {
    // Letting go is a courtesy: a lease that cannot be let go expires by itself.
  }
}
