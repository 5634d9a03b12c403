// redisTokenStore(): one login's tokens in Redis, with the refresh lease, so
// every process's token source sends one refresh per expiry between them.
import {
  ConnectIdError,
  type LeaseStatus,
  type RefreshLease,
  type TokenSet,
  type TokenStore,
} from "@connect-payment/oauth";
import { sealerFor } from "./encryption.js";
import { settingsFrom, type RedisTokenStoreOptions, type Settings } from "./options.js";
import { ACQUIRE, RELEASE, REMOVE, SAVE, STATUS } from "./scripts.js";

/** How long a failed refresh's error stays for the token sources that waited on it. */
const FAILURE_KEPT_MS = 30_000;

/** A `TokenStore` of `@connect-payment/oauth` with a refresh lease, and a way to log out. */
export interface RedisTokenStore extends TokenStore {
  get(): Promise<TokenSet | undefined>;
  set(tokens: TokenSet): Promise<void>;
  lease: RefreshLease;
  /** Logs out: deletes the login's tokens (and any lease). */
  remove(): Promise<void>;
}

/**
 * The tokens of one login, in Redis: pass it as `login.tokenSource({ store })`
 * in every process. Throws `invalid_config` at once for bad options; a Redis
 * that cannot be reached gives `store_unavailable`, with the tokens untouched.
 *
 * @example
 * ```ts
 * import { createConnectIdLogin, type TokenSet } from "@connect-payment/oauth";
 * import { redisTokenStore } from "@connect-payment/oauth-redis";
 * import { createClient } from "redis";
 *
 * declare const login: ReturnType<typeof createConnectIdLogin>;
 * declare const tokens: TokenSet; // what `login.finishLogin()` resolved
 * declare const customerId: string;
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = redisTokenStore({
 *   client: redis,
 *   login: customerId,
 *   // 32 random bytes kept outside Redis, e.g. in your secret manager.
 *   encryptionKey: Buffer.from(process.env.TOKEN_KEY!, "base64"),
 * });
 * await store.set(tokens); // after the login's callback
 * const accessToken = login.tokenSource({ store }); // in any process
 *
 * await store.remove(); // logs out
 * ```
 */
export function redisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  const settings = settingsFrom(options);
  const { keys } = settings;
  const sealer = sealerFor(settings.encryptionKey);
  const run = (what: string, command: () => Promise<unknown>) => send(settings, what, command);
  const script = (source: string, keyList: string[], args: (string | number)[]) =>
    run("a script", () =>
      settings.client.eval(source, { keys: keyList, arguments: args.map(String) }),
    );

  return {
    async get() {
      const stored = await run("GET", () => settings.client.get(keys.tokens));
      if (stored === null || stored === undefined) return undefined;
      if (typeof stored != "string") throw unreadable(keys.tokens);
      const text = await sealer.open(stored, keys.tokens);
      try {
        return JSON.parse(text) as TokenSet;
      } catch {
        throw unreadable(keys.tokens);
      }
    },
    async set(tokens) {
      // Without a refresh token the tokens are no use past the access token's expiry.
      const lifetime = tokens.refreshToken
        ? settings.refreshTokenLifetimeMs
        : Math.max(1, Math.ceil(tokens.expiresAt - Date.now()));
      const sealed = await sealer.seal(JSON.stringify(tokens), keys.tokens);
      await script(SAVE, [keys.tokens], [sealed, lifetime]);
    },
    async remove() {
      await script(REMOVE, [keys.tokens, keys.lease], []);
    },
    lease: {
      async acquire(holder) {
        return String(await script(ACQUIRE, [keys.lease], [holder, settings.leaseMs]));
      },
      async status(previous): Promise<LeaseStatus> {
        const answer = await script(STATUS, [keys.lease, keys.failure(previous)], []);
        // The script answers '' for "none".
        const [holder = "", failure = ""] = Array.isArray(answer) ? answer.map(String) : [];
        return {
          holder: holder === "" ? undefined : holder,
          failure: failure === "" ? undefined : failure,
        };
      },
      async release(holder, failure) {
        await script(
          RELEASE,
          [keys.lease, keys.failure(holder)],
          [holder, failure ?? "", FAILURE_KEPT_MS],
        );
      },
    },
  };
}

/** One command, within `timeoutMs`; any failure becomes `store_unavailable`, naming no secret. */
async function send<T>(settings: Settings, what: string, command: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(unavailable(what, `no answer within ${settings.timeoutMs} ms`)),
      settings.timeoutMs,
    );
  });
  try {
    return await Promise.race([command(), timeout]);
  } catch (error) {
    if (error instanceof ConnectIdError) throw error;
    // The error's name only: node-redis messages can carry the server's address or reply text.
    const name = error instanceof Error ? error.name : "an error";
    throw unavailable(what, name);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(what: string, why: string) {
  return new ConnectIdError(
    "store_unavailable",
    `The Redis token store could not run ${what} (${why}); the stored tokens are unchanged`,
  );
}

function unreadable(key: string) {
  return new ConnectIdError(
    "store_unavailable",
    `The value under ${key} is not a token set this store wrote`,
  );
}
