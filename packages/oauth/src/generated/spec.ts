/**
 * This file is generated from openapi/connect-payment.yaml by scripts/generate.mjs.
 * Do not edit it by hand: change the spec and run `pnpm generate`.
 */

/** ConnectID login servers (the `loginServer` role), from the spec's `x-login-servers`. */
export const LOGIN_SERVERS = {
  norway: "https://connectid.no/user",
  sweden: "https://connectid.se/user",
  test: "https://api-test.mediaconnect.no/login",
} as const;

/** The authorization endpoint under a login server, from the `connectId` security scheme. */
export const AUTHORIZE_PATH = "/oauth/authorize";

/** The token endpoint (code exchange and refresh) under a login server, from the `connectId` security scheme. */
export const TOKEN_PATH = "/oauth/token";

/** Every scope the `connectId` scheme declares, with its description. */
export const SCOPES = {
  read: "For all access",
} as const;

/** The scopes the spec's operations require (its top-level `security`). */
export const REQUIRED_SCOPES = ["read"] as const;
