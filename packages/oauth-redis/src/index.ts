export { redisTokenStore } from "./store.js";
export type { RedisTokenStore } from "./store.js";
export {
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_KEY_PREFIX,
  DEFAULT_REFRESH_TOKEN_LIFETIME_MS,
} from "./options.js";
export type { RedisCommands, RedisTokenStoreOptions } from "./options.js";
export type { EncryptionKeyInput } from "./encryption.js";
