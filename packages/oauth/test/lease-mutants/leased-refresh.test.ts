// The token source on a store with a lease (memoryTokenStore), in the cases
// the shared-store tests do not reach: tokens that land between two steps,
// a store that empties or fails mid-refresh, a save that fails, a holder
// that never lets go, and how often a waiter looks. The refresh is a stub the
// test answers; the clock is fake.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectIdError, memoryTokenStore, type TokenStore } from "../../src/index.js";
import { createTokenSource } from "../../src/token-source.js";
import {
  answeringRefresh,
  expired,
  gatedRefresh,
  holderOf,
  outcome,
  sourceOn,
  tick,
  tokens,
} from "./harness.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const storeDown = () => new ConnectIdError("store_unavailable", "the store is down");

describe("one token source and its lease", () => {
  it("lets go of the lease after a refresh it saved", async () => {
    const store = memoryTokenStore(expired("t0"));
    const refresh = answeringRefresh(tokens("t1"));

    await expect(sourceOn(store, refresh.refresh)()).resolves.toBe("t1-access");

    expect(store.get()).toMatchObject({ accessToken: "t1-access" });
    expect(await holderOf(store)).toBeUndefined();
  });

  describe("tokens land in the store just before this source takes the lease", () => {
    function landingOnAcquire(landed: ReturnType<typeof tokens> | undefined) {
      const store = memoryTokenStore(expired("t0"));
      const acquire = store.lease.acquire;
      vi.spyOn(store.lease, "acquire").mockImplementationOnce((holder) => {
        // Another process refreshed (or the customer logged out) and let go.
        if (landed) void store.set(landed);
        else Object.assign(store, { get: () => undefined });
        return acquire(holder);
      });
      return store;
    }

    it("fresh ones: they are the answer, with no refresh, and the lease is let go", async () => {
      const store = landingOnAcquire(tokens("t1"));
      const refresh = answeringRefresh(tokens("never"));

      await expect(sourceOn(store, refresh.refresh)()).resolves.toBe("t1-access");

      expect(refresh.given).toEqual([]);
      expect(await holderOf(store)).toBeUndefined();
    });

    it("ones already due: this source refreshes those, once", async () => {
      const landed = expired("t1");
      const store = landingOnAcquire(landed);
      const refresh = answeringRefresh(tokens("t2"));

      await expect(sourceOn(store, refresh.refresh)()).resolves.toBe("t2-access");

      expect(refresh.given).toEqual([landed]);
      expect(store.get()).toMatchObject({ accessToken: "t2-access" });
      expect(await holderOf(store)).toBeUndefined();
    });

    it("ones already due, with a forced refresh: any newer tokens are the answer", async () => {
      const store = landingOnAcquire(expired("t1"));
      const refresh = answeringRefresh(tokens("never"));

      await expect(sourceOn(store, refresh.refresh).refresh()).resolves.toBe("t1-access");

      expect(refresh.given).toEqual([]);
    });

    it("none (a logout): login_required, no refresh, and the lease is let go", async () => {
      const store = landingOnAcquire(undefined);
      const refresh = answeringRefresh(tokens("never"));

      await expect(sourceOn(store, refresh.refresh)()).rejects.toMatchObject({
        name: "ConnectIdError",
        code: "login_required",
        message: "No tokens in the store: the customer must log in",
      });

      expect(refresh.given).toEqual([]);
      expect(await holderOf(store)).toBeUndefined();
    });
  });

  it("a store that fails once the lease is taken: its error, no refresh, and the lease is let go", async () => {
    const store = memoryTokenStore(expired("t0"));
    const acquire = store.lease.acquire;
    const get = vi.spyOn(store, "get");
    vi.spyOn(store.lease, "acquire").mockImplementationOnce((holder) => {
      get.mockImplementationOnce(() => {
        throw storeDown();
      });
      return acquire(holder);
    });
    const refresh = answeringRefresh(tokens("never"));

    await expect(sourceOn(store, refresh.refresh)()).rejects.toMatchObject({
      code: "store_unavailable",
      message: "the store is down",
    });

    expect(refresh.given).toEqual([]);
    expect(await holderOf(store)).toBeUndefined();
  });

  describe("the tokens change between the source's first look and its second", () => {
    function changingOnFirstRead(next: ReturnType<typeof tokens>) {
      const store = memoryTokenStore(expired("t0"));
      const get = store.get;
      vi.spyOn(store, "get").mockImplementationOnce(() => {
        const first = get();
        void store.set(next);
        return first;
      });
      const acquire = vi.spyOn(store.lease, "acquire");
      return { store, acquire };
    }

    it("to fresh ones: they are the answer, without taking the lease", async () => {
      const { store, acquire } = changingOnFirstRead(tokens("t1"));
      const refresh = answeringRefresh(tokens("never"));

      await expect(sourceOn(store, refresh.refresh)()).resolves.toBe("t1-access");

      expect(refresh.given).toEqual([]);
      expect(acquire).not.toHaveBeenCalled();
    });

    it("to ones already due: this source refreshes those", async () => {
      const landed = expired("t1");
      const { store } = changingOnFirstRead(landed);
      const refresh = answeringRefresh(tokens("t2"));

      await expect(sourceOn(store, refresh.refresh)()).resolves.toBe("t2-access");

      expect(refresh.given).toEqual([landed]);
    });
  });
});

describe("a refresh the store could not save", () => {
  /** A store whose set() fails on the calls numbered in `failing` (1 = the first). */
  function failingSets(...failing: number[]) {
    const store = memoryTokenStore(expired("t0"));
    const set = store.set;
    let calls = 0;
    vi.spyOn(store, "set").mockImplementation((next) => {
      calls++;
      if (failing.includes(calls)) throw storeDown();
      void set(next);
    });
    return store;
  }

  it("fails this call, keeps the lease, and is saved by the next call without a second refresh", async () => {
    const store = failingSets(1);
    const refresh = answeringRefresh(tokens("t1"));
    const source = sourceOn(store, refresh.refresh);

    await expect(source()).rejects.toMatchObject({ code: "store_unavailable" });
    expect(store.get()).toMatchObject({ accessToken: "t0-access" });
    // No one refreshes the retired refresh token while the new one is unsaved.
    expect(await holderOf(store)).toBeDefined();

    const next = outcome(source());
    await tick(0);
    expect(next).toEqual({ state: "resolved", value: "t1-access" });
    expect(refresh.given).toHaveLength(1);
    expect(store.get()).toMatchObject({ accessToken: "t1-access" });
    expect(await holderOf(store)).toBeUndefined();
  });

  it("each of two failed saves is saved by the call after it", async () => {
    const store = failingSets(1, 3);
    const refresh = answeringRefresh(expired("t1"), tokens("t2"));
    const source = sourceOn(store, refresh.refresh);

    await expect(source()).rejects.toMatchObject({ code: "store_unavailable" });
    // Saves t1, which is already due: refreshes it, and that save fails too.
    await expect(source()).rejects.toMatchObject({ code: "store_unavailable" });
    expect(store.get()).toMatchObject({ accessToken: "t1-access" });

    const third = outcome(source());
    await tick(0);
    expect(third).toEqual({ state: "resolved", value: "t2-access" });
    expect(store.get()).toMatchObject({ accessToken: "t2-access" });
    expect(refresh.given).toHaveLength(2);
  });

  it("is not saved over another login's tokens: those are the answer", async () => {
    const store = failingSets(1);
    const refresh = answeringRefresh(tokens("t1"));
    const source = sourceOn(store, refresh.refresh);
    await expect(source()).rejects.toMatchObject({ code: "store_unavailable" });

    const otherLogin = tokens("other-login");
    void store.set(otherLogin);
    const next = outcome(source());
    await tick(0);

    expect(next).toEqual({ state: "resolved", value: "other-login-access" });
    expect(store.get()).toBe(otherLogin);
    expect(await holderOf(store)).toBeUndefined();
  });

  it("is not saved into an emptied store (a logout): login_required, and the store stays empty", async () => {
    const store = failingSets(1);
    const refresh = answeringRefresh(tokens("t1"));
    const source = sourceOn(store, refresh.refresh);
    await expect(source()).rejects.toMatchObject({ code: "store_unavailable" });

    // The customer logs out: the session's tokens are deleted.
    let session: ReturnType<typeof tokens> | undefined;
    vi.spyOn(store, "get").mockImplementation(() => session);
    vi.mocked(store.set).mockImplementation((next) => {
      session = next;
    });
    const next = outcome(source());
    await tick(0);

    expect(next.state).toBe("rejected");
    expect(next.error).toMatchObject({ code: "login_required" });
    expect(session).toBeUndefined();
    expect(refresh.given).toHaveLength(1);
    expect(await holderOf(store)).toBeUndefined();
  });
});

describe("waiting for another holder", () => {
  it("the holder saved tokens but never lets go: the waiter takes them at its next look", async () => {
    const store = memoryTokenStore(expired("t0"));
    expect(store.lease.acquire("another-process")).toBe("another-process");
    const refresh = answeringRefresh(tokens("never"));
    const waiter = outcome(sourceOn(store, refresh.refresh)());
    await tick(100);
    expect(waiter.state).toBe("pending");

    void store.set(tokens("t1"));
    await tick(200);

    expect(waiter).toEqual({ state: "resolved", value: "t1-access" });
    expect(refresh.given).toEqual([]);
    expect(await holderOf(store)).toBe("another-process");
  });

  it("the holder saved tokens already due: the waiter refreshes those itself", async () => {
    const store = memoryTokenStore(expired("t0"));
    expect(store.lease.acquire("another-process")).toBe("another-process");
    const refresh = answeringRefresh(tokens("t2"));
    const waiter = outcome(sourceOn(store, refresh.refresh)());
    await tick(100);

    const landed = expired("t1");
    void store.set(landed);
    void store.lease.release("another-process");
    await tick(200);

    expect(waiter).toEqual({ state: "resolved", value: "t2-access" });
    expect(refresh.given).toEqual([landed]);
  });

  it("tokens already due, then a new holder that fails: the waiter waits for it and gets its error", async () => {
    const store = memoryTokenStore(expired("t0"));
    expect(store.lease.acquire("first-process")).toBe("first-process");
    const refresh = answeringRefresh(tokens("never"));
    const waiter = outcome(sourceOn(store, refresh.refresh)());
    await tick(100);

    // The first holder saved tokens already due; a second one took the lease to refresh them.
    void store.set(expired("t1"));
    void store.lease.release("first-process");
    expect(store.lease.acquire("second-process")).toBe("second-process");
    await tick(1000);
    expect(waiter.state).toBe("pending");

    void store.lease.release(
      "second-process",
      JSON.stringify({ code: "invalid_grant", message: "refresh token refused" }),
    );
    await tick(200);

    expect(waiter.state).toBe("rejected");
    expect(waiter.error).toMatchObject({ code: "invalid_grant", message: "refresh token refused" });
    expect(refresh.given).toEqual([]);
  });

  it("looks at the store after 20 ms, then twice as long each time, up to every 200 ms", async () => {
    const store = memoryTokenStore(expired("t0"));
    expect(store.lease.acquire("another-process")).toBe("another-process");
    const start = Date.now();
    const looks: number[] = [];
    const status = store.lease.status;
    vi.spyOn(store.lease, "status").mockImplementation((previous) => {
      looks.push(Date.now() - start);
      return status(previous);
    });
    const waiter = outcome(sourceOn(store, answeringRefresh(tokens("never")).refresh)());

    await tick(2000);
    void store.set(tokens("t1"));
    await tick(200);

    expect(waiter).toEqual({ state: "resolved", value: "t1-access" });
    expect(looks.slice(0, 5)).toEqual([20, 60, 140, 300, 500]);
    const gaps = looks.slice(1).map((at, i) => at - looks[i]!);
    expect(gaps.slice(3)).toEqual(gaps.slice(3).map(() => 200));
    expect(looks.at(-1)).toBeGreaterThan(1800);
  });
});

describe("which tokens count as another refresh", () => {
  async function twoSourcesOneRefresh(renewed: ReturnType<typeof tokens>) {
    const store = memoryTokenStore(expired("t0"));
    const refresh = gatedRefresh();
    const first = outcome(sourceOn(store, refresh.refresh)());
    await tick(0);
    const second = outcome(sourceOn(store, refresh.refresh)());
    await tick(0);
    refresh.calls[0]!.resolve(renewed);
    await tick(200);
    return { first, second, refresh };
  }

  it("a new access token with the same refresh token (no rotation): one refresh for both", async () => {
    const { first, second, refresh } = await twoSourcesOneRefresh(
      tokens("t1", undefined, "t0-refresh"),
    );

    expect(first).toEqual({ state: "resolved", value: "t1-access" });
    expect(second).toEqual({ state: "resolved", value: "t1-access" });
    expect(refresh.calls).toHaveLength(1);
  });

  it("the same access token with a new refresh token: one refresh for both", async () => {
    const renewed = { ...tokens("t0"), refreshToken: "t1-refresh" };
    const { first, second, refresh } = await twoSourcesOneRefresh(renewed);

    expect(first).toEqual({ state: "resolved", value: "t0-access" });
    expect(second).toEqual({ state: "resolved", value: "t0-access" });
    expect(refresh.calls).toHaveLength(1);
  });
});

describe("a lease that is not one", () => {
  it.each([
    ["null", null],
    ["without status()", { acquire: () => "x", release: () => {} }],
  ])("%s: invalid_input naming store.lease and what it needs", (_, lease) => {
    const store = { get: () => undefined, set: () => {}, lease } as unknown as TokenStore;
    let thrown: unknown;
    try {
      createTokenSource({ store }, () => Promise.reject(new Error("unused")), 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectIdError);
    expect(thrown).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("tokenSource options") as string,
      issues: [{ field: "store.lease", message: "must have acquire(), status() and release()" }],
    });
  });
});
