// A failed refresh passed through the lease: every token source that waited
// on the holder throws the holder's error, with the same code and safe fields;
// a failure the store mangled is still a ConnectIdError; an error that is not
// a ConnectIdError is not passed on (the waiter then tries itself).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ConnectIdError,
  memoryTokenStore,
  type ConnectIdErrorCode,
  type TokenStore,
} from "../../src/index.js";
import { expired, gatedRefresh, outcome, sourceOn, tick, tokens } from "./harness.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Two token sources on one store: the first refreshes (the test answers), the second waits. */
async function holderAndWaiter() {
  const store = memoryTokenStore(expired("t0"));
  const refresh = gatedRefresh();
  const release = vi.spyOn(store.lease, "release");
  const holder = outcome(sourceOn(store, refresh.refresh)());
  await tick(0);
  const waiter = outcome(sourceOn(store, refresh.refresh)());
  await tick(0);
  expect(refresh.calls).toHaveLength(1);
  return { refresh, release, holder, waiter };
}

const fields = (error: unknown) => {
  const { name, code, message, oauthError, description, status } = error as ConnectIdError;
  return { name, code, message, oauthError, description, status };
};

describe("the holder's ConnectIdError reaches the waiter whole", () => {
  const codes: ConnectIdErrorCode[] = [
    "login_required",
    "invalid_grant",
    "provider_error",
    "network",
    "timeout",
    "store_unavailable",
  ];
  it.each(codes)("%s", async (code) => {
    const { refresh, holder, waiter } = await holderAndWaiter();
    const failure = new ConnectIdError(code, `the refresh failed: ${code}`, {
      oauthError: "temporarily_unavailable",
      description: "try again later",
      status: 503,
    });

    refresh.calls[0]!.reject(failure);
    await tick(20);

    expect(holder).toEqual({ state: "rejected", error: failure });
    expect(waiter.state).toBe("rejected");
    expect(waiter.error).toBeInstanceOf(ConnectIdError);
    expect(fields(waiter.error)).toEqual(fields(failure));
    expect(refresh.calls).toHaveLength(1);
  });

  it("without the optional fields: the waiter's error has none either", async () => {
    const { refresh, waiter } = await holderAndWaiter();
    const failure = new ConnectIdError("network", "the login server could not be reached");

    refresh.calls[0]!.reject(failure);
    await tick(20);

    expect(waiter.error).toBeInstanceOf(ConnectIdError);
    expect(fields(waiter.error)).toEqual(fields(failure));
    expect(Object.keys(waiter.error as object)).not.toContain("status");
  });
});

it("an error that is not a ConnectIdError is not passed on: the waiter refreshes itself", async () => {
  const { refresh, release, holder, waiter } = await holderAndWaiter();
  const thrown = new TypeError("a fetch that broke, with who knows what in its message");

  refresh.calls[0]!.reject(thrown);
  await tick(20);

  expect(holder).toEqual({ state: "rejected", error: thrown });
  expect(release).toHaveBeenCalledWith(expect.any(String), undefined);
  expect(refresh.calls).toHaveLength(2);
  refresh.calls[1]!.resolve(tokens("t1"));
  await tick(0);
  expect(waiter).toEqual({ state: "resolved", value: "t1-access" });
});

describe("a failure the store gives back mangled", () => {
  /** A store whose lease another process holds, and whose failure text is `failure`. */
  function storeFailingWith(failure: string): TokenStore {
    const current = expired("t0");
    return {
      get: () => current,
      set: () => {},
      lease: {
        acquire: () => "another-process",
        status: () => ({ holder: "another-process", failure }),
        release: () => {},
      },
    };
  }

  async function waiterError(failure: string) {
    const waiter = outcome(sourceOn(storeFailingWith(failure), gatedRefresh().refresh)());
    await tick(20);
    expect(waiter.state).toBe("rejected");
    expect(waiter.error).toBeInstanceOf(ConnectIdError);
    return fields(waiter.error);
  }

  const general = {
    name: "ConnectIdError",
    code: "provider_error",
    message: "The refresh failed in another token source",
    oauthError: undefined,
    description: undefined,
    status: undefined,
  };

  it("not JSON: provider_error, with a general message", async () => {
    expect(await waiterError("}not json{")).toEqual(general);
  });

  it("fields of the wrong types, and an empty code: each dropped", async () => {
    const text = JSON.stringify({
      code: "",
      message: 42,
      oauthError: 7,
      description: false,
      status: "503",
    });
    expect(await waiterError(text)).toEqual(general);
  });

  it("a code this package does not have: provider_error, keeping the safe fields", async () => {
    const text = JSON.stringify({
      code: "made_up",
      message: "the refresh failed",
      oauthError: "server_error",
      description: "down",
      status: 500,
    });
    expect(await waiterError(text)).toEqual({
      ...general,
      message: "the refresh failed",
      oauthError: "server_error",
      description: "down",
      status: 500,
    });
  });
});
