// The two shapes the shop's state is made of (state.ts), each with an
// implementation in memory (memory-state.ts) and in Redis (redis-state.ts).
// Every method is async, so any store fits.

/** Values by key, each expiring on its own in Redis. */
export interface Table<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Values by key, kept in the order first added; the first value for a key stays. */
export interface Ledger<T> {
  /** Adds `value` under `key` unless the key has one, in one atomic step; `true` when added. */
  add(key: string, value: T): Promise<boolean>;
  get(key: string): Promise<T | undefined>;
  /** Every value, oldest first. */
  values(): Promise<T[]>;
}
