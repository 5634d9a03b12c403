import type { TokenStore } from "@connect-payment/oauth";
import { createClient, createCluster } from "redis";
import { expectTypeOf, it } from "vitest";
import { redisTokenStore, type RedisCommands } from "../../src/index.js";

it("takes a node-redis client or cluster as it comes, and is a TokenStore with a lease", () => {
  expectTypeOf(createClient()).toExtend<RedisCommands>();
  expectTypeOf(createCluster({ rootNodes: [] })).toExtend<RedisCommands>();
  const store = redisTokenStore({ client: createClient(), login: "kari" });
  expectTypeOf(store).toExtend<TokenStore>();
  expectTypeOf(store.lease).not.toBeUndefined();
  // @ts-expect-error -- the login is required: it names the key
  redisTokenStore({ client: createClient() });
});
