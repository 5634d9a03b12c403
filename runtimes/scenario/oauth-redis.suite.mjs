// @ts-check
// @connect-payment/oauth-redis: the token store on the official redis client,
// against a real redis-server the harness starts, with this runtime's
// WebCrypto for the encryption at rest. Where node-redis runs: Node, Deno, Bun.
import { memoryTokenStore } from "@connect-payment/oauth";
import { redisTokenStore } from "@connect-payment/oauth-redis";
import { createClient } from "redis";
import { assert, equal } from "./support.mjs";

export const runtimes = ["node", "deno", "bun"];

/**
 * Runs `use` with a connected client, and always disconnects it.
 * @param {string} url
 * @param {(client: import("redis").RedisClientType) => Promise<void>} use
 */
async function withRedis(url, use) {
  const client = /** @type {import("redis").RedisClientType} */ (
    createClient({ url, disableOfflineQueue: true })
  );
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.quit();
  }
}

const tokens = { accessToken: "runtime-access", refreshToken: "runtime-refresh", expiresAt: 1 };

/** @type {import("./support.mjs").Suite} */
export default {
  "tokens sealed with AES-GCM in a real Redis, read back; nothing in the clear": async (env) => {
    await withRedis(env.redisUrl, async (client) => {
      const login = `${env.run}-sealed`;
      const store = redisTokenStore({
        client,
        login,
        encryptionKey: crypto.getRandomValues(new Uint8Array(32)),
      });
      await store.set(tokens);
      equal(await store.get(), tokens, "read back");
      const raw = await client.get(`connect-payment:tokens:{${login}}`);
      assert(typeof raw == "string" && !raw.includes(tokens.refreshToken), "sealed at rest");
    });
  },
  "the refresh lease: SET NX PX holds it for one; released, the next takes it": async (env) => {
    await withRedis(env.redisUrl, async (client) => {
      const { lease } = redisTokenStore({ client, login: `${env.run}-lease` });
      equal(await lease.acquire("one"), "one", "first");
      equal(await lease.acquire("two"), "one", "second, while held");
      await lease.release("one", '{"code":"network"}');
      equal(
        await lease.status("one"),
        { holder: undefined, failure: '{"code":"network"}' },
        "status",
      );
      equal(await lease.acquire("two"), "two", "after release");
    });
  },
  "memoryTokenStore has a lease too": () => {
    const store = memoryTokenStore(tokens);
    equal(store.lease.acquire("one"), "one", "taken");
  },
};
