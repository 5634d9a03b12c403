// The SDK, set up from the configuration: the login once per app, the API
// client once per request (it carries that customer's token).
import { ConnectError, createConnectClient, type ConnectClient } from "@connect-payment/client";
import {
  ConnectIdError,
  createConnectIdLogin,
  type ConnectIdLogin,
  type TokenSource,
} from "@connect-payment/oauth";
import type { ShopConfig } from "./config.js";
import type { Session } from "./session.js";

export function createLogin(config: ShopConfig): ConnectIdLogin {
  return createConnectIdLogin({
    ...(config.loginServer !== undefined
      ? { loginServer: config.loginServer }
      : { environment: config.loginEnvironment ?? "test" }),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: `${config.publicOrigin}/login/callback`,
  });
}

export function clientFor(config: ShopConfig, tokenSource: TokenSource): ConnectClient {
  return createConnectClient({
    ...(config.apiUrl !== undefined
      ? { baseUrl: config.apiUrl }
      : { environment: config.environment ?? "test" }),
    accessToken: tokenSource,
  });
}

export function tokenSourceFor(login: ConnectIdLogin, session: Session): TokenSource {
  return login.tokenSource({
    store: {
      get: () => session.tokens,
      set: (tokens) => {
        session.tokens = tokens;
      },
    },
  });
}

/** True when the customer must log in again (see the "login expired" guide). */
export function needsLogin(error: unknown): boolean {
  if (!(error instanceof ConnectError)) return false;
  if (error.code === "unauthorized") return true;
  const cause = error.cause;
  return (
    error.code === "invalid_request" &&
    cause instanceof ConnectIdError &&
    (cause.code === "login_required" || cause.code === "invalid_grant")
  );
}
