// What a token source reads and writes: its own file, so the token source and
// the leased refresh (which both use it) do not import each other.
import type { RefreshLease } from "./store-lease.js";
import type { TokenSet } from "./tokens.js";

/** Where a customer's tokens live between requests: your session or database. */
export interface TokenStore {
  /** The current tokens, or `undefined` when the customer has not logged in (or logged out). */
  get(): TokenSet | undefined | Promise<TokenSet | undefined>;
  /** Called with the new tokens after each refresh. */
  set(tokens: TokenSet): void | Promise<void>;
  /** Optional: lets many token sources on this store send one refresh per expiry (README, "Many token sources"). */
  lease?: RefreshLease;
}
