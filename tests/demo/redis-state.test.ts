// The demo's state in a real Redis, as two merchant processes see it: two
// connections, one store. What one writes the other reads; a grant is kept
// once however many processes add it at once; the tokens are sealed at rest.
import {
  redisState,
  startRedisServer,
  type DemoState,
  type RedisServer,
} from "@connect-payment/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { findRedisServer } from "../../scripts/redis-server.mjs";

const KEY = new Uint8Array(32).fill(7);
let server: RedisServer;
let first: DemoState;
let second: DemoState;
beforeAll(async () => {
  const binary = findRedisServer();
  if (!binary) throw new Error("redis-server not found: run `node scripts/redis-server.mjs`");
  server = await startRedisServer(binary);
  [first, second] = await Promise.all([
    redisState({ url: server.url, encryptionKey: KEY }),
    redisState({ url: server.url, encryptionKey: KEY }),
  ]);
}, 30_000);
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await server?.stop();
});

describe("redisState", () => {
  it("shares sessions between processes, each expiring on its own; a deleted one is gone for all", async () => {
    await first.sessions.set("s1", { id: "s1", csrfToken: "c1" });
    expect(await second.sessions.get("s1")).toEqual({ id: "s1", csrfToken: "c1" });
    const redis = createClient({ url: server.url });
    await redis.connect();
    try {
      const ttl = await redis.ttl("demo:session:s1");
      expect(ttl).toBeGreaterThan(0);
    } finally {
      await redis.close();
    }
    await second.sessions.delete("s1");
    expect(await first.sessions.get("s1")).toBeUndefined();
  });

  it("keeps a grant once when many processes add it at once, and lists grants oldest first", async () => {
    const grant = (transactionId: number) => ({
      invoiceNumber: "INV-1",
      transactionId,
      by: "return" as const,
    });
    const added = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).grants.add("K-1", grant(i))),
    );
    expect(added.filter(Boolean)).toHaveLength(1);
    await second.grants.add("K-2", { ...grant(99), invoiceNumber: "INV-2" });
    const listed = await first.grants.values();
    expect(listed.map((g) => g.invoiceNumber)).toEqual(["INV-1", "INV-2"]);
    expect(await first.grants.get("K-1")).toEqual(grant(added.indexOf(true)));
  });

  it("keeps each session's tokens sealed at rest, readable by every process with the key, gone on logout", async () => {
    const tokens = {
      accessToken: "access-token-of-the-test",
      refreshToken: "refresh-token-of-the-test",
      expiresAt: Date.now() + 3_600_000,
      scope: "read",
    };
    await first.tokens("s2").set(tokens);
    expect(await second.tokens("s2").get()).toEqual(tokens);
    const redis = createClient({ url: server.url });
    await redis.connect();
    try {
      // The store's key: the prefix, then the login in braces (a Redis Cluster hash tag).
      const raw = await redis.get("demo:tokens:{s2}");
      expect(raw).toBeTypeOf("string");
      expect(raw).not.toContain(tokens.accessToken);
      expect(raw).not.toContain(tokens.refreshToken);
    } finally {
      await redis.close();
    }
    await second.tokens("s2").remove();
    expect(await first.tokens("s2").get()).toBeUndefined();
  });
});
