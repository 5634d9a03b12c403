// Each fault, on a real Redis: unreachable at the start of a call, lost in
// the middle of a refresh, and a lease holder killed while it refreshes.
import type { TokenSet } from "@connect-payment/oauth";
import { afterAll, beforeAll, expect, it } from "vitest";
import { redisTokenStore } from "../../src/index.js";
import {
  countedLogin,
  expiredTokens,
  shiftedSandbox,
  taskFor,
  type ShiftedSandbox,
} from "../helpers/customer.js";
import { wireTo } from "../helpers/cut-wire.js";
import { startWorker } from "../helpers/processes.js";
import { startRedis, type RunningRedis } from "../helpers/redis-server.js";
import { connect } from "../helpers/worker-redis.mjs";

let redis: RunningRedis;
let shifted: ShiftedSandbox;
let direct: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  [redis, shifted] = await Promise.all([startRedis(), shiftedSandbox()]);
  direct = await connect(redis.url);
});
afterAll(async () => {
  await direct.quit();
  await Promise.all([redis.stop(), shifted.sandbox.close()]);
});

const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 20));
};

it("Redis unreachable at the start of a call: store_unavailable, nothing sent, the stored tokens untouched", async () => {
  const wire = await wireTo(redis.port);
  const client = await connect(wire.url);
  const tokens = expiredTokens(shifted);
  await redisTokenStore({ client: direct, login: "unreachable" }).set(tokens);
  const raw = await direct.get("connect-payment:tokens:{unreachable}");
  const { login, counted } = countedLogin(shifted.sandbox);
  const source = login.tokenSource({ store: redisTokenStore({ client, login: "unreachable" }) });

  await wire.cut();
  const error = await source().catch((failure: unknown) => failure);

  expect(error).toMatchObject({ name: "ConnectIdError", code: "store_unavailable" });
  expect(String((error as Error).message)).not.toContain(tokens.refreshToken);
  expect(counted.token).toBe(0);
  expect(await direct.get("connect-payment:tokens:{unreachable}")).toBe(raw);
  await wire.restore();
  await until(() => client.isReady);
  await expect(source()).resolves.not.toBe(tokens.accessToken);
  await client.quit();
  await wire.close();
});

it("Redis lost in the middle of a refresh: the call fails, no token is lost, a later call saves and uses them", async () => {
  const wire = await wireTo(redis.port);
  const client = await connect(wire.url);
  const tokens = expiredTokens(shifted);
  const store = redisTokenStore({ client, login: "lost-mid-refresh" });
  await store.set(tokens);
  // The refresh reaches the login server (which rotates the refresh token); then Redis goes away.
  const { login, counted } = countedLogin(shifted.sandbox, () => wire.cut());
  const source = login.tokenSource({ store });

  await expect(source()).rejects.toMatchObject({ code: "store_unavailable" });
  expect(counted.token).toBe(1);

  await wire.restore();
  await until(() => client.isReady);
  const renewed = await source();
  expect(renewed).not.toBe(tokens.accessToken);
  expect(counted.token).toBe(1);
  const saved = (await store.get()) as TokenSet;
  expect(saved.accessToken).toBe(renewed);
  await expect(countedLogin(shifted.sandbox).login.refresh(saved)).resolves.toHaveProperty(
    "accessToken",
  );
  await client.quit();
  await wire.close();
});

it("the lease holder killed mid-refresh: its lease expires and another process refreshes, once", async () => {
  const tokens = expiredTokens(shifted);
  await redisTokenStore({ client: direct, login: "killed-holder" }).set(tokens);
  const task = { ...taskFor(shifted.sandbox, redis.url, "killed-holder", 3), leaseMs: 1500 };
  const doomed = startWorker();
  await doomed.prepare({ ...task, hangOnRefresh: true });
  doomed.go().catch(() => {}); // it is killed before it reports
  await doomed.refreshing;
  expect(await direct.get("connect-payment:tokens:{killed-holder}:lease")).toBeTruthy();
  doomed.child.kill("SIGKILL");

  const survivor = startWorker();
  await survivor.prepare(task);
  const report = await survivor.go();
  survivor.exit();

  expect(report.outcomes.filter((o) => !o.ok)).toEqual([]);
  expect(report.tokenRequests).toBe(1);
}, 120_000);
