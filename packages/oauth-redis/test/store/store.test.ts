// The store on a real redis-server: what it writes, how long it keeps it,
// the encryption at rest, and its checks on options and stored values.
import { ConnectIdError, createConnectIdLogin, type TokenSet } from "@connect-payment/oauth";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_REFRESH_TOKEN_LIFETIME_MS, redisTokenStore } from "../../src/index.js";
import { startRedis, type RunningRedis } from "../helpers/redis-server.js";
import { connect } from "../helpers/worker-redis.mjs";

let redis: RunningRedis;
let client: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  redis = await startRedis();
  client = await connect(redis.url);
});
afterAll(async () => {
  await client.quit();
  await redis.stop();
});

const tokens: TokenSet = {
  accessToken: "access-" + crypto.randomUUID(),
  refreshToken: "refresh-" + crypto.randomUUID(),
  expiresAt: Date.now() + 3600_000,
  scope: "read",
};
const key = (login: string) => `connect-payment:tokens:{${login}}`;

it("keeps one login's tokens under its own key, for the refresh token's lifetime", async () => {
  const store = redisTokenStore({ client, login: "kari" });
  expect(await store.get()).toBeUndefined();
  await store.set(tokens);
  expect(await store.get()).toEqual(tokens);
  expect(await redisTokenStore({ client, login: "ola" }).get()).toBeUndefined();
  const ttl = await client.pTTL(key("kari"));
  expect(ttl).toBeGreaterThan(DEFAULT_REFRESH_TOKEN_LIFETIME_MS - 60_000);
  expect(ttl).toBeLessThanOrEqual(DEFAULT_REFRESH_TOKEN_LIFETIME_MS);
  await store.remove();
  expect(await store.get()).toBeUndefined();
});

it("without a refresh token, keeps them only until the access token expires", async () => {
  const store = redisTokenStore({ client, login: "no-refresh" });
  const { refreshToken: _dropped, ...accessOnly } = tokens;
  await store.set(accessOnly);
  const ttl = await client.pTTL(key("no-refresh"));
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(3600_000);
});

it("with an encryptionKey, Redis holds no token in the clear, and a wrong key or a moved value cannot be read", async () => {
  const encryptionKey = crypto.getRandomValues(new Uint8Array(32));
  const store = redisTokenStore({ client, login: "sealed", encryptionKey });
  await store.set(tokens);
  const raw = (await client.get(key("sealed"))) as string;
  expect(raw).not.toContain(tokens.accessToken);
  expect(raw).not.toContain(tokens.refreshToken);
  expect(await store.get()).toEqual(tokens);

  const wrongKey = crypto.getRandomValues(new Uint8Array(32));
  const other = redisTokenStore({ client, login: "sealed", encryptionKey: wrongKey });
  await expect(other.get()).rejects.toMatchObject({ code: "store_unavailable" });
  // The login's key is bound in: the same value under another login does not open.
  await client.set(key("moved"), raw);
  const moved = redisTokenStore({ client, login: "moved", encryptionKey });
  await expect(moved.get()).rejects.toMatchObject({ code: "store_unavailable" });
  // Nor does a value in the clear where sealed ones are expected.
  await client.set(key("moved"), JSON.stringify(tokens));
  await expect(moved.get()).rejects.toMatchObject({ code: "store_unavailable" });
});

it("a CryptoKey works as the encryptionKey too", async () => {
  const encryptionKey = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, [
    "encrypt",
    "decrypt",
  ]);
  const store = redisTokenStore({ client, login: "crypto-key", encryptionKey });
  await store.set(tokens);
  expect(await store.get()).toEqual(tokens);
});

it("a value that is not a token set gives a typed error naming the key, never the value", async () => {
  await client.set(key("garbage"), "not json " + tokens.refreshToken);
  const error = await redisTokenStore({ client, login: "garbage" })
    .get()
    .catch((failure: unknown) => failure);
  expect(error).toBeInstanceOf(ConnectIdError);
  expect((error as ConnectIdError).message).toContain(key("garbage"));
  expect((error as ConnectIdError).message).not.toContain(tokens.refreshToken);
});

it("bad options throw invalid_config at once, naming each", () => {
  const error = (() => {
    try {
      redisTokenStore({
        client: {} as never,
        login: "",
        encryptionKey: new Uint8Array(7),
        leaseMs: 0,
      });
    } catch (failure) {
      return failure as ConnectIdError;
    }
  })();
  expect(error?.code).toBe("invalid_config");
  expect(error?.issues?.map((issue) => issue.field)).toEqual([
    "client",
    "login",
    "encryptionKey",
    "leaseMs",
  ]);
});

it("the lease: one holder at a time, let go only by its holder, its failure kept for those who waited", async () => {
  const { lease } = redisTokenStore({ client, login: "lease", leaseMs: 10_000 });
  expect(await lease.acquire("a")).toBe("a");
  expect(await lease.acquire("b")).toBe("a");
  await lease.release("b", "not b's to leave");
  expect(await lease.status("a")).toEqual({ holder: "a", failure: undefined });
  await lease.release("a", '{"code":"invalid_grant"}');
  expect(await lease.status("a")).toEqual({
    holder: undefined,
    failure: '{"code":"invalid_grant"}',
  });
  expect(await lease.acquire("b")).toBe("b");
});

it("calls that arrive together share one read: 500 concurrent calls send a handful of GETs, not 500", async () => {
  const store = redisTokenStore({ client, login: "burst" });
  await store.set(tokens);
  const login = createConnectIdLogin({
    loginServer: "http://127.0.0.1:9/user",
    clientId: "burst",
    clientSecret: "burst-secret",
    redirectUri: "http://127.0.0.1:8099/callback",
  });
  const source = login.tokenSource({ store });
  await client.configResetStat();

  const answers = await Promise.all(Array.from({ length: 500 }, () => source()));

  expect(new Set(answers)).toEqual(new Set([tokens.accessToken]));
  const stats = await client.info("commandstats");
  const gets = Number(/cmdstat_get:calls=(\d+)/.exec(stats)?.[1] ?? 0);
  expect(gets).toBeGreaterThan(0);
  expect(gets).toBeLessThan(10);
});
