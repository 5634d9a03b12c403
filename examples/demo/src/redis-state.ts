// The shop's state in Redis, shared by every process of the shop: sessions,
// pending logins and the listed invoices as JSON under one key each, expiring
// on their own; payments and grants in a hash and a list (kept); the tokens in
// redisTokenStore (@connect-payment/oauth-redis), whose refresh lease makes
// every process send one refresh per expiry.
import { redisTokenStore } from "@connect-payment/oauth-redis";
import { createClient } from "redis";
import type { DemoState } from "./state.js";
import type { Ledger, Table } from "./tables.js";

export interface RedisStateOptions {
  /** e.g. `redis://127.0.0.1:6379`. */
  url: string;
  /** Encrypts the tokens at rest (AES-GCM): 32 random bytes, the same in every process. */
  encryptionKey?: Uint8Array;
  /** Put before every key; default `"demo:"`. */
  keyPrefix?: string;
}

const DAY_S = 24 * 3600;
/** A login not finished within ten minutes is dropped. */
const PENDING_LOGIN_S = 600;

type Redis = ReturnType<typeof createClient>;

function redisTable<T>(redis: Redis, prefix: string, lifetimeS: number): Table<T> {
  return {
    async get(key) {
      const text = await redis.get(prefix + key);
      return typeof text == "string" ? (JSON.parse(text) as T) : undefined;
    },
    async set(key, value) {
      await redis.set(prefix + key, JSON.stringify(value), {
        expiration: { type: "EX", value: lifetimeS },
      });
    },
    async delete(key) {
      await redis.del(prefix + key);
    },
  };
}

// Set the value unless the key has one, and note the key's turn: one step, so
// two processes granting the same payment at once grant it once.
const ADD = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1`;

function redisLedger<T>(redis: Redis, prefix: string): Ledger<T> {
  const values = `${prefix}values`;
  const order = `${prefix}order`;
  return {
    async add(key, value) {
      const added = await redis.eval(ADD, {
        keys: [values, order],
        arguments: [key, JSON.stringify(value)],
      });
      return added === 1;
    },
    async get(key) {
      const text = await redis.hGet(values, key);
      return typeof text == "string" ? (JSON.parse(text) as T) : undefined;
    },
    async values() {
      const keys = await redis.lRange(order, 0, -1);
      if (keys.length === 0) return [];
      const texts = await redis.hmGet(values, keys);
      return texts.flatMap((text) => (typeof text == "string" ? [JSON.parse(text) as T] : []));
    },
  };
}

export async function redisState(options: RedisStateOptions): Promise<DemoState> {
  const prefix = options.keyPrefix ?? "demo:";
  const redis: Redis = createClient({
    url: options.url,
    // Commands fail at once while Redis is unreachable, instead of queueing.
    disableOfflineQueue: true,
  });
  // The error's name only: node-redis messages can carry the server's address.
  redis.on("error", (error: Error) => console.error(`redis: ${error.name}`));
  await redis.connect();
  return {
    sessions: redisTable(redis, `${prefix}session:`, DAY_S),
    pendingLogins: redisTable(redis, `${prefix}pending-login:`, PENDING_LOGIN_S),
    owed: redisTable(redis, `${prefix}owed:`, DAY_S),
    payments: redisLedger(redis, `${prefix}payments:`),
    grants: redisLedger(redis, `${prefix}grants:`),
    tokens: (sessionId) =>
      redisTokenStore({
        client: redis,
        login: sessionId,
        keyPrefix: `${prefix}tokens:`,
        ...(options.encryptionKey ? { encryptionKey: options.encryptionKey } : {}),
      }),
    close: async () => {
      await redis.quit();
    },
  };
}
