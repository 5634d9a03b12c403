// The refresh lease of memoryTokenStore(), on a fake clock: a lease ends at
// its expiry to the millisecond, only its holder can let it go, and a failed
// refresh's error stays readable for its kept time, to the millisecond.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { memoryTokenStore } from "../../src/index.js";
import { REFRESH_FAILURE_KEPT_MS } from "../../src/store-lease.js";

const LEASE_MS = 1_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-01-01T00:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

it("a lease is held until the millisecond it expires, then free for another", async () => {
  const { lease } = memoryTokenStore(undefined, { leaseMs: LEASE_MS });
  expect(await lease.acquire("a")).toBe("a");
  vi.advanceTimersByTime(LEASE_MS - 1);
  expect(await lease.status("a")).toEqual({ holder: "a", failure: undefined });
  expect(await lease.acquire("b")).toBe("a");
  vi.advanceTimersByTime(1);
  expect((await lease.status("a")).holder).toBeUndefined();
  expect(await lease.acquire("b")).toBe("b");
});

it("only the holder lets a lease go", async () => {
  const { lease } = memoryTokenStore(undefined, { leaseMs: LEASE_MS });
  await lease.acquire("a");
  await lease.release("b");
  expect((await lease.status("b")).holder).toBe("a");
  await lease.release("a");
  expect((await lease.status("a")).holder).toBeUndefined();
});

it("letting go of a lease no one holds is harmless", async () => {
  const { lease } = memoryTokenStore();
  expect(() => lease.release("nobody")).not.toThrow();
  expect(await lease.acquire("a")).toBe("a");
});

it("a failure is readable until the millisecond its kept time ends", async () => {
  const { lease } = memoryTokenStore(undefined, { leaseMs: LEASE_MS });
  await lease.acquire("a");
  await lease.release("a", "the refresh failed");
  vi.advanceTimersByTime(REFRESH_FAILURE_KEPT_MS - 1);
  expect(await lease.status("a")).toEqual({ holder: undefined, failure: "the refresh failed" });
  vi.advanceTimersByTime(1);
  expect((await lease.status("a")).failure).toBeUndefined();
});

it("another holder letting go keeps a failure that is still readable", async () => {
  const { lease } = memoryTokenStore(undefined, { leaseMs: LEASE_MS });
  await lease.acquire("a");
  await lease.release("a", "the refresh failed");
  vi.advanceTimersByTime(10);
  await lease.acquire("b");
  await lease.release("b");
  expect((await lease.status("a")).failure).toBe("the refresh failed");
  expect((await lease.status("b")).failure).toBeUndefined();
});

it("a second let-go without a failure does not erase the failure the waiters read", async () => {
  const { lease } = memoryTokenStore(undefined, { leaseMs: LEASE_MS });
  await lease.acquire("a");
  await lease.release("a", "the refresh failed");
  await lease.release("a");
  expect((await lease.status("a")).failure).toBe("the refresh failed");
});
