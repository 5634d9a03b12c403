// A token source: the client's `accessToken` function, backed by a store,
// refreshing shortly before expiry with at most one refresh in flight. The
// store decides who is logged in; this source only remembers what it
// refreshed, to bridge a store that is slow to show its own write.
import { ConnectIdError, invalid } from "./errors.js";
import { leasedRefresh } from "./leased-refresh.js";
import type { TokenStore } from "./token-store.js";
import { storedTokens, type TokenSet } from "./tokens.js";

export type { TokenStore } from "./token-store.js";

/** What {@link ConnectIdLogin.tokenSource} takes. */
export interface TokenSourceOptions {
  /** Where the tokens live; {@link memoryTokenStore} for one process. */
  store: TokenStore;
}

/**
 * Pass it as `createConnectClient({ accessToken })`: called once per request,
 * it gives a fresh access token from the store, refreshing when due.
 */
export interface TokenSource {
  (): Promise<string>;
  /**
   * Refreshes now, however fresh the stored token looks (the API answered 401
   * to it), saves the new tokens and gives the new access token. Calls made
   * while a refresh is in flight share it.
   */
  refresh(): Promise<string>;
}

/** How many replaced token sets a source remembers, to recognise a store that lags behind. */
const LINEAGE_LENGTH = 8;

/** How long to wait for another refresh's write to show in the store after an invalid_grant. */
const STORE_GRACE_MS = 200;

const sameSet = (a: TokenSet, b: TokenSet) =>
  a.accessToken === b.accessToken && a.refreshToken === b.refreshToken;

/**
 * With rotation, the loser of two concurrent refreshes gets invalid_grant
 * while the winner's tokens are already in the store: those, or the error.
 */
async function winnersTokens(
  error: unknown,
  before: TokenSet,
  current: () => Promise<TokenSet>,
): Promise<TokenSet> {
  if (!(error instanceof ConnectIdError) || error.code !== "invalid_grant") throw error;
  let after = await current();
  // The winner's write may land a moment after our answer: look once more.
  if (sameSet(after, before)) {
    await new Promise((resolve) => setTimeout(resolve, STORE_GRACE_MS));
    after = await current();
  }
  if (sameSet(after, before)) throw error;
  return after;
}

export function createTokenSource(
  options: TokenSourceOptions,
  refresh: (tokens: TokenSet) => Promise<TokenSet>,
  refreshBeforeExpiryMs: number,
): TokenSource {
  const store = options?.store;
  if (typeof store?.get != "function" || typeof store.set != "function") {
    throw invalid("invalid_input", "tokenSource options", [
      { field: "store", message: "must have get() and set()" },
    ]);
  }
  // The refresh in flight: every caller that finds the token expiring waits on this one.
  let inflight: Promise<TokenSet> | undefined;
  // The newest tokens this source refreshed, and the access tokens of the sets
  // they replaced: only a store answering with one of those is bridged.
  let newest: TokenSet | undefined;
  let replaced: string[] = [];

  const fresh = (tokens: TokenSet) => tokens.expiresAt - refreshBeforeExpiryMs > Date.now();
  // With a lease, the store coordinates the refresh among every token source that shares it.
  const leased = leasedRefresh(store, refresh, fresh);

  /** The store's tokens, or the newest this source refreshed when the store shows their ancestor. */
  async function current(): Promise<TokenSet> {
    const stored = storedTokens(await (leased ? leased.read() : store.get()));
    if (!stored) {
      throw new ConnectIdError(
        "login_required",
        "No tokens in the store: the customer must log in",
      );
    }
    return newest && replaced.includes(stored.accessToken) ? newest : stored;
  }

  /** Refreshes `seen` unless the store has moved on; after invalid_grant, uses another's refresh. */
  async function renew(seen: TokenSet, force: boolean): Promise<TokenSet> {
    const before = await current();
    if (leased) return remember(before, await leased.refresh(before, seen, force));
    // Another source (or process) refreshed meanwhile: its tokens are the answer.
    if (!sameSet(before, seen) && (force || fresh(before))) return before;
    let renewed: TokenSet;
    try {
      renewed = await refresh(before);
    } catch (error) {
      return await winnersTokens(error, before, current);
    }
    await store.set(remember(before, renewed));
    return renewed;
  }

  function remember(before: TokenSet, renewed: TokenSet): TokenSet {
    if (sameSet(before, renewed)) return renewed;
    replaced = [before.accessToken, ...replaced].slice(0, LINEAGE_LENGTH);
    newest = renewed;
    return renewed;
  }

  function shared(seen: TokenSet, force: boolean): Promise<TokenSet> {
    inflight ??= renew(seen, force).finally(() => {
      // The next expiry starts a new refresh; a failed one can be tried again.
      inflight = undefined;
    });
    return inflight;
  }

  const accessToken = async (): Promise<string> => {
    const tokens = await current();
    if (fresh(tokens)) return tokens.accessToken;
    return (await shared(tokens, false)).accessToken;
  };
  return Object.assign(accessToken, {
    refresh: async () => (await shared(await current(), true)).accessToken,
  });
}
