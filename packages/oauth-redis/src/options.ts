// The Redis store's options, checked once: a bad one throws at once, named.
import { invalidMessage, issueList } from "@connect-payment/internal";
import { ConnectIdError, DEFAULT_REFRESH_LEASE_MS } from "@connect-payment/oauth";
import type { EncryptionKeyInput } from "./encryption.js";

/**
 * The commands the store sends: any connected node-redis client
 * (`createClient()` from `redis`) has them, as do its cluster and pool clients.
 */
export interface RedisCommands {
  /** Reads the stored tokens. */
  get(key: string): Promise<unknown>;
  /** Runs the store's Lua scripts, so a save or a lease is one atomic step. */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** What {@link redisTokenStore} takes. */
export interface RedisTokenStoreOptions {
  /** A connected node-redis client; `disableOfflineQueue: true` makes a lost Redis fail at once. */
  client: RedisCommands;
  /** Whose tokens: one key per login, e.g. your customer id or session id. Not a secret. */
  login: string;
  /** Put before every key; default `"connect-payment:tokens:"`. */
  keyPrefix?: string;
  /**
   * Encrypts the tokens at rest (AES-GCM): a `CryptoKey` for AES-GCM, or
   * 16, 24 or 32 random bytes. Keep it outside Redis.
   */
  encryptionKey?: EncryptionKeyInput;
  /** How long the tokens stay after each refresh: the refresh token's lifetime; default 30 days. */
  refreshTokenLifetimeMs?: number;
  /** How long a refresh lease lasts unless let go; longer than the login's `timeoutMs`. */
  leaseMs?: number;
  /** How long one Redis command may take before `store_unavailable`; default 2000. */
  timeoutMs?: number;
}

export interface Settings {
  client: RedisCommands;
  keys: { tokens: string; lease: string; failure: (holder: string) => string };
  encryptionKey: EncryptionKeyInput | undefined;
  refreshTokenLifetimeMs: number;
  leaseMs: number;
  timeoutMs: number;
}

/** The provider documents 30 days as the default refresh token lifetime. */
export const DEFAULT_REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 3600_000;
/** What every key begins with unless `keyPrefix` says otherwise. */
export const DEFAULT_KEY_PREFIX = "connect-payment:tokens:";
/** How long one Redis command may take, in milliseconds, unless `timeoutMs` says otherwise. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2000;

export function settingsFrom(options: RedisTokenStoreOptions): Settings {
  const { issues, check } = issueList();
  const { client, login } = options ?? {};
  check(
    typeof client?.get == "function" && typeof client.eval == "function",
    "client",
    "must be a node-redis client (get and eval)",
  );
  check(typeof login == "string" && !!login, "login", "must be a non-empty string");
  const prefix = options?.keyPrefix ?? DEFAULT_KEY_PREFIX;
  check(typeof prefix == "string", "keyPrefix", "must be a string");
  const key = options?.encryptionKey;
  check(
    key === undefined ||
      (key instanceof Uint8Array && [16, 24, 32].includes(key.length)) ||
      (typeof CryptoKey != "undefined" && key instanceof CryptoKey),
    "encryptionKey",
    "must be a CryptoKey for AES-GCM or 16, 24 or 32 bytes",
  );
  const duration = (field: keyof RedisTokenStoreOptions, fallback: number) => {
    const value = options?.[field] ?? fallback;
    check(
      typeof value == "number" && Number.isInteger(value) && value >= 1,
      field,
      "must be a whole number of milliseconds, at least 1",
    );
    return value as number;
  };
  const settings = {
    refreshTokenLifetimeMs: duration("refreshTokenLifetimeMs", DEFAULT_REFRESH_TOKEN_LIFETIME_MS),
    leaseMs: duration("leaseMs", DEFAULT_REFRESH_LEASE_MS),
    timeoutMs: duration("timeoutMs", DEFAULT_COMMAND_TIMEOUT_MS),
  };
  if (issues.length) {
    throw new ConnectIdError("invalid_config", invalidMessage("redisTokenStore options", issues), {
      issues,
    });
  }
  // A hash tag ({…}) keeps a login's keys in one slot, so the scripts also run on Redis Cluster.
  const base = `${prefix}{${login}}`;
  return {
    client,
    keys: { tokens: base, lease: `${base}:lease`, failure: (holder) => `${base}:failed:${holder}` },
    encryptionKey: key,
    ...settings,
  };
}
