// Types for redis-server.mjs, so the Redis store's tests and the bench can import it.
/** The redis-server binary: REDIS_SERVER_PATH, or Debian's; `null` when there is none. */
export declare function findRedisServer(): string | null;
/** Finds redis-server, installing Debian's package when missing and root; `false` when it cannot. */
export declare function ensureRedisServer(): boolean;
