// The token source against a store whose answers each test scripts: which
// set counts as "another refresh landed", the second look after invalid_grant,
// and how far back a lagging store is bridged. The refresh is a stub that
// counts its calls; the sandbox and oidc-provider tests run the real ones.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import { createTokenSource } from "../../src/token-source.js";
import type { TokenSet, TokenStore } from "../../src/index.js";

const HOUR = 60 * 60 * 1000;
const expired = (name: string, refresh = `${name}-refresh`): TokenSet => ({
  accessToken: `${name}-access`,
  refreshToken: refresh,
  expiresAt: Date.now() - 1,
});
const fresh = (name: string, refresh = `${name}-refresh`): TokenSet => ({
  ...expired(name, refresh),
  expiresAt: Date.now() + HOUR,
});

/** A store answering from `script` in turn (the last answer repeats); writes are recorded, not shown. */
function scripted(...script: (TokenSet | undefined)[]) {
  const answers = [...script];
  const store = {
    reads: 0,
    written: [] as TokenSet[],
    get: () => {
      store.reads++;
      return answers.length > 1 ? answers.shift() : answers[0];
    },
    set: (tokens: TokenSet) => {
      store.written.push(tokens);
    },
  } satisfies TokenStore & Record<string, unknown>;
  return store;
}

/** A refresh that records what it was given and answers `result` (or throws it). */
function refresher(result: (tokens: TokenSet, call: number) => TokenSet | Error) {
  const given: TokenSet[] = [];
  const refresh = (tokens: TokenSet) => {
    given.push(tokens);
    const out = result(tokens, given.length);
    return out instanceof Error ? Promise.reject(out) : Promise.resolve(out);
  };
  return { given, refresh };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection, got a value");
    },
    (error: unknown) => error,
  );
}

const invalidGrant = () => new ConnectIdError("invalid_grant", "refresh token refused");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the options", () => {
  it.each([
    ["no options", undefined],
    ["no store", {}],
    ["a store without set()", { store: { get: () => undefined } }],
    ["a store without get()", { store: { set: () => undefined } }],
  ])("%s: invalid_input naming the store and its rule", (_, options) => {
    let thrown: unknown;
    try {
      createTokenSource(options as never, () => Promise.reject(new Error("unused")), 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectIdError);
    expect(thrown).toMatchObject({
      code: "invalid_input",
      issues: [{ field: "store", message: expect.stringMatching(/get\(\).*set\(\)/) }],
    });
    expect((thrown as Error).message).toContain("tokenSource options");
  });
});

it("an empty store: login_required, saying the customer must log in", async () => {
  const source = createTokenSource({ store: scripted(undefined) }, () => Promise.reject(), 0);
  const error = (await rejectionOf(source())) as ConnectIdError;
  expect(error.code).toBe("login_required");
  expect(error.message).toMatch(/log in/);
});

describe("a store that moved on while this source looked (no refresh needed)", () => {
  it("a new access token with the same refresh token (no rotation) is another's refresh", async () => {
    const store = scripted(expired("a", "same"), fresh("b", "same"));
    const { given, refresh } = refresher(() => fresh("mine"));
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source()).toBe("b-access");
    expect(given).toHaveLength(0);
  });

  it("the same access token with a new refresh token is another set too", async () => {
    const seen = expired("a", "old");
    const store = scripted(seen, { ...seen, refreshToken: "new", expiresAt: Date.now() + HOUR });
    const { given, refresh } = refresher(() => fresh("mine"));
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source()).toBe("a-access");
    expect(given).toHaveLength(0);
  });

  it("a store that moved on to another set that has expired too: that set is refreshed", async () => {
    const store = scripted(expired("a"), expired("b"));
    const { given, refresh } = refresher(() => fresh("c"));
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source()).toBe("c-access");
    expect(given.map((tokens) => tokens.accessToken)).toEqual(["b-access"]);
  });

  it("a forced refresh takes any set the store moved on to, fresh or not, without refreshing", async () => {
    const store = scripted(fresh("a"), expired("b"));
    const { given, refresh } = refresher(() => fresh("c"));
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source.refresh()).toBe("b-access");
    expect(given).toHaveLength(0);
  });

  it("a forced refresh of the set the store still holds refreshes it, however fresh", async () => {
    const store = scripted(fresh("a"));
    const { given, refresh } = refresher(() => fresh("c"));
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source.refresh()).toBe("c-access");
    expect(given.map((tokens) => tokens.accessToken)).toEqual(["a-access"]);
  });

  it("the same set as seen: refreshed, and the result saved", async () => {
    const store = scripted(expired("a"));
    const { given, refresh } = refresher(() => fresh("b"));
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source()).toBe("b-access");
    expect(given.map((tokens) => tokens.accessToken)).toEqual(["a-access"]);
    expect(store.written.map((tokens) => tokens.accessToken)).toEqual(["b-access"]);
  });

  it("a token expiring exactly at the margin is refreshed", async () => {
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now);
    const store = scripted({ accessToken: "a", refreshToken: "r", expiresAt: now + 1000 });
    const { given, refresh } = refresher(() => ({ accessToken: "b", expiresAt: now + HOUR }));
    const source = createTokenSource({ store }, refresh, 1000);
    expect(await source()).toBe("b");
    expect(given).toHaveLength(1);
    const later = createTokenSource(
      { store: scripted({ accessToken: "c", expiresAt: now + 1001 }) },
      refresh,
      1000,
    );
    expect(await later()).toBe("c");
  });
});

describe("after invalid_grant (a concurrent refresh rotated the token)", () => {
  it("the winner's tokens already in the store are used at once", async () => {
    // Reads: accessToken, renew's, then the first look after the error.
    const store = scripted(expired("a"), expired("a"), fresh("winner"), undefined);
    const { refresh } = refresher(invalidGrant);
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source()).toBe("winner-access");
    expect(store.reads).toBe(3);
  });

  it("a winner's write that lands a moment later is found by a second look", async () => {
    const store = scripted(expired("a"), expired("a"), expired("a"), fresh("winner"));
    const { refresh } = refresher(invalidGrant);
    const source = createTokenSource({ store }, refresh, 0);
    expect(await source()).toBe("winner-access");
    expect(store.reads).toBe(4);
  });

  it("no winner after the second look: the invalid_grant itself", async () => {
    const store = scripted(expired("a"));
    const { refresh } = refresher(invalidGrant);
    const source = createTokenSource({ store }, refresh, 0);
    const error = (await rejectionOf(source())) as ConnectIdError;
    expect(error.code).toBe("invalid_grant");
    expect(store.reads).toBe(4);
  });

  it("any other failure is passed on as it is, without looking again", async () => {
    for (const failure of [
      new ConnectIdError("provider_error", "the login server broke"),
      new TypeError("a bug"),
    ]) {
      const store = scripted(expired("a"), expired("a"), fresh("winner"));
      const { refresh } = refresher(() => failure);
      const source = createTokenSource({ store }, refresh, 0);
      expect(await rejectionOf(source())).toBe(failure);
      expect(store.reads).toBe(2);
    }
  });
});

describe("a store that does not show this source's writes (lagging)", () => {
  it("is bridged back through the last 8 sets this source replaced, no further", async () => {
    const original = expired("original");
    const store = scripted(original);
    let count = 0;
    const { given, refresh } = refresher(() => fresh(`r${++count}`));
    const source = createTokenSource({ store }, refresh, 0);
    // Eight refreshes: the store's set is the oldest of the 8 replaced ones.
    for (let i = 1; i <= 8; i++) expect(await source.refresh()).toBe(`r${i}-access`);
    expect(await source()).toBe("r8-access");
    expect(given).toHaveLength(8);
    // A ninth pushes it out: the store's own (expired) set counts again and is refreshed.
    expect(await source.refresh()).toBe("r9-access");
    expect(given).toHaveLength(9);
    expect(await source()).toBe("r10-access");
    expect(given.at(-1)?.accessToken).toBe("original-access");
  });
});
