// A token source: the client's `accessToken` function, backed by a store,
// refreshing shortly before expiry with at most one refresh in flight.
import { ConnectIdError } from "./errors.js";
import { leasedRefresh } from "./leased-refresh.js";
import type { RefreshLease } from "./store-lease.js";
import type { TokenSet } from "./tokens.js";

/** Where a customer's tokens live between requests: your session or database. */
export interface TokenStore {
  /** The current tokens, or `undefined` when the customer has not logged in. */
  get(): TokenSet | undefined | Promise<TokenSet | undefined>;
  /** Called with the new tokens after each refresh. */
  set(tokens: TokenSet): void | Promise<void>;
  /** Optional: lets many token sources on this store send one refresh per expiry (README, "Many token sources"). */
  lease?: RefreshLease;
}

/** What {@link ConnectIdLogin.tokenSource} takes. */
export interface TokenSourceOptions {
  /** Where the tokens live; {@link memoryTokenStore} for one process. */
  store: TokenStore;
}

/** Pass it as `createConnectClient({ accessToken })`: called once per request, it gives a fresh access token. */
export type TokenSource = () => Promise<string>;

export function createTokenSource(
  options: TokenSourceOptions,
  refresh: (tokens: TokenSet) => Promise<TokenSet>,
  refreshBeforeExpiryMs: number,
): TokenSource {
  const store = options?.store;
  if (typeof store?.get != "function" || typeof store.set != "function") {
    throw new ConnectIdError(
      "invalid_input",
      "Invalid tokenSource options: store must have get() and set()",
      {
        issues: [{ field: "store", message: "must have get() and set()" }],
      },
    );
  }
  // The refresh in flight: every caller that finds the token expiring waits on this one.
  let inflight: Promise<TokenSet> | undefined;
  // The newest tokens this source has seen, in case the store answers with older ones.
  let newest: TokenSet | undefined;

  const fresh = (tokens: TokenSet) => tokens.expiresAt - refreshBeforeExpiryMs > Date.now();
  // With a lease, the store coordinates the refresh among every token source that shares it.
  const leased = leasedRefresh(store, refresh, fresh);

  return async function accessToken(): Promise<string> {
    let tokens = await (leased ? leased.read() : store.get());
    if (newest && (!tokens || newest.expiresAt > tokens.expiresAt)) tokens = newest;
    if (!tokens) {
      throw new ConnectIdError(
        "login_required",
        "No tokens in the store: the customer must log in",
      );
    }
    if (fresh(tokens)) return tokens.accessToken;
    inflight ??= (async () => {
      try {
        const renewed = leased ? await leased.refresh(tokens) : await refresh(tokens);
        newest = renewed;
        if (!leased) await store.set(renewed);
        return renewed;
      } finally {
        // The next expiry starts a new refresh; a failed one can be tried again.
        inflight = undefined;
      }
    })();
    return (await inflight).accessToken;
  };
}
