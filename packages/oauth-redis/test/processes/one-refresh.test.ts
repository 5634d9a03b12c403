// Eight merchant processes, each paying at once with the same customer's
// expired token, all on one real Redis: one refresh reaches the login server
// per expiry, no call fails, and the login survives.
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
import { runTogether, startWorker, type Report, type Worker } from "../helpers/processes.js";
import { startRedis, type RunningRedis } from "../helpers/redis-server.js";
import { connect } from "../helpers/worker-redis.mjs";

const PROCESSES = 8;
const CALLS = 25;

let redis: RunningRedis;
let shifted: ShiftedSandbox;
let client: Awaited<ReturnType<typeof connect>>;
let workers: Worker[];
beforeAll(async () => {
  [redis, shifted] = await Promise.all([startRedis(), shiftedSandbox()]);
  client = await connect(redis.url);
  workers = Array.from({ length: PROCESSES }, () => startWorker());
});
afterAll(async () => {
  for (const worker of workers) worker.exit();
  await client.quit();
  await Promise.all([redis.stop(), shifted.sandbox.close()]);
});

const refreshes = (reports: Report[]) => reports.reduce((n, r) => n + r.tokenRequests, 0);
const outcomes = (reports: Report[]) => reports.flatMap((r) => r.outcomes);

it(`${PROCESSES} processes × ${CALLS} payments with an expired token: one refresh, every payment made, the login alive`, async () => {
  const store = redisTokenStore({ client, login: "customer-1" });
  const before = expiredTokens(shifted);
  await store.set(before);
  const payments = shifted.sandbox.transactions().length;

  const reports = await runTogether(
    workers,
    taskFor(shifted.sandbox, redis.url, "customer-1", CALLS),
  );

  expect(outcomes(reports).filter((o) => !o.ok)).toEqual([]);
  expect(refreshes(reports)).toBe(1);
  // Every call carried a token the sandbox's API accepted (it requires issued, live tokens).
  expect(shifted.sandbox.transactions().length - payments).toBe(PROCESSES * CALLS);
  const after = (await store.get()) as TokenSet;
  expect(after.refreshToken).not.toBe(before.refreshToken);
  const { login } = countedLogin(shifted.sandbox);
  await expect(login.refresh(after)).resolves.toHaveProperty("accessToken");
}, 240_000);

it("a refresh that fails gives every call in every process the same error, from one request; a later call tries again", async () => {
  const store = redisTokenStore({ client, login: "customer-2" });
  const retired = expiredTokens(shifted);
  const { login, counted } = countedLogin(shifted.sandbox);
  await login.refresh(retired); // rotated elsewhere: the stored refresh token is dead
  await store.set(retired);

  // "One request" holds for calls made while it is in flight; a failing refresh
  // answers in milliseconds, and on a loaded machine a process may only start
  // calling after that (and then rightly tries again). Held for 3 s, the
  // refresh overlaps every process's calls.
  const task = { ...taskFor(shifted.sandbox, redis.url, "customer-2", 10), refreshDelayMs: 3_000 };
  const reports = await runTogether(workers, task);

  expect(refreshes(reports)).toBe(1);
  const failures = outcomes(reports);
  expect(failures.every((o) => !o.ok)).toBe(true);
  expect(new Set(failures.map((o) => JSON.stringify(o))).size).toBe(1);
  expect(failures[0]).toMatchObject({ code: "invalid_grant" });

  // Later: the next call is not answered from the old failure; it asks again.
  counted.token = 0;
  const later = login.tokenSource({ store });
  await expect(later()).rejects.toMatchObject({ code: "invalid_grant" });
  expect(counted.token).toBe(1);
}, 240_000);
