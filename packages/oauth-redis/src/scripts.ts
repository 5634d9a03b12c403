// The Lua scripts the store runs: each is one atomic step in Redis, so a
// check and the write that depends on it can never be split by another process.

/** KEYS: tokens. ARGV: value, lifetime in ms. */
export const SAVE = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** KEYS: lease. ARGV: holder, lease in ms. Takes a free lease (`SET NX PX`); answers who holds it. */
export const ACQUIRE = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return ARGV[1]
end
return redis.call('GET', KEYS[1]) or ''`;

/** KEYS: lease, the previous holder's failure. Answers { holder or '', failure or '' }. */
export const STATUS = `return { redis.call('GET', KEYS[1]) or '', redis.call('GET', KEYS[2]) or '' }`;

/**
 * KEYS: lease, this holder's failure. ARGV: holder, failure or '', how long to keep it in ms.
 * Leaves the failure first, then lets go only of a lease this holder still has.
 */
export const RELEASE = `if ARGV[2] ~= '' then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 1`;

/** KEYS: tokens, lease. Logs out: the tokens and any lease go. */
export const REMOVE = `redis.call('DEL', KEYS[1], KEYS[2])
return 1`;
