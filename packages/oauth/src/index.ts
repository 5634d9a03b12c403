export { createConnectIdLogin } from "./login.js";
export type { ConnectIdLogin, FinishLoginOptions } from "./login.js";
export type { PendingLogin, StartedLogin } from "./authorize.js";
export type { CallbackInput } from "./callback.js";
export type {
  ClientAuthentication,
  ConnectIdLoginOptions,
  Discovery,
  ServerOptions,
} from "./options.js";
export { createClientCredentialsSource } from "./client-credentials.js";
export type { ClientCredentialsOptions } from "./client-credentials.js";
export { memoryTokenStore } from "./memory-store.js";
export type { LeasedTokenStore, MemoryTokenStoreOptions } from "./memory-store.js";
export { DEFAULT_REFRESH_LEASE_MS } from "./store-lease.js";
export type { LeaseStatus, RefreshLease } from "./store-lease.js";
export type { TokenSource, TokenSourceOptions, TokenStore } from "./token-source.js";
export { DEFAULT_ACCESS_TOKEN_LIFETIME_MS } from "./tokens.js";
export type { TokenSet } from "./tokens.js";
export { ConnectIdError } from "./errors.js";
export type { ConnectIdErrorCode, ConnectIdErrorDetails, ConnectIdIssue } from "./errors.js";
export {
  AUTHORIZE_PATH,
  LOGIN_SERVERS,
  REQUIRED_SCOPES,
  SCOPES,
  TOKEN_PATH,
} from "./generated/spec.js";
