// What every request of one login flow needs, built once from its settings:
// the server's metadata, the client and how it authenticates, and the secrets
// no error may show.
import * as oauth from "oauth4webapi";
import type { Settings } from "./options.js";
import { serverResolver } from "./server.js";
import { clientIdentity, tokenRequester, type TokenRequest } from "./token-request.js";

export interface LoginContext {
  settings: Settings;
  /** The login server's metadata, read once (discovered, or built from the settings). */
  server: () => Promise<oauth.AuthorizationServer>;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  /** The secrets of every request: the client secret and its HTTP Basic forms. */
  alwaysSecret: string[];
  tokenRequest: TokenRequest;
}

export function loginContext(settings: Settings): LoginContext {
  const server = serverResolver(settings);
  const identity = clientIdentity(settings);
  return {
    settings,
    server,
    ...identity,
    tokenRequest: tokenRequester(settings, server, identity.alwaysSecret),
  };
}
