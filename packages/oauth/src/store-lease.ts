// The optional atomic step a token store offers so that many token sources
// (in one process or in many) send one refresh per expiry: a lease, taken
// with an expiry while one of them refreshes.

/**
 * A lock with an expiry, held by one token source while it refreshes. Every
 * step is atomic in the store (Redis: `SET NX PX` and small scripts), so two
 * token sources never both believe they hold it. A holder that crashes
 * blocks no one for longer than the lease's lifetime.
 */
export interface RefreshLease {
  /**
   * Takes the lease for `holder` when no one holds it (or the holder's lease
   * has expired). Returns who holds it afterwards: `holder` itself when taken.
   */
  acquire(holder: string): string | Promise<string>;
  /**
   * Where the lease stands: who holds it now (`undefined` when free), and the
   * failure that `previous` left when it let go, if it failed.
   */
  status(previous: string): LeaseStatus | Promise<LeaseStatus>;
  /**
   * Lets go of the lease if `holder` still holds it. A `failure` (the refresh's
   * error, as text with no secret in it) is kept a while under `holder`, so
   * that every token source that waited on this holder throws the same error.
   */
  release(holder: string, failure?: string): void | Promise<void>;
}

/** What {@link RefreshLease.status} answers. */
export interface LeaseStatus {
  /** Who holds the lease now; `undefined` when it is free. */
  holder?: string | undefined;
  /** The failure the previous holder left, if its refresh failed. */
  failure?: string | undefined;
}

/**
 * How long a lease lasts unless let go: longer than a refresh may take (the
 * login's `timeoutMs`, 30 s by default), so a slow refresh is never overtaken.
 */
export const DEFAULT_REFRESH_LEASE_MS = 35_000;

/** How long a failed refresh's error stays readable for the token sources that waited on it. */
export const REFRESH_FAILURE_KEPT_MS = 30_000;
