// What every request of one login flow needs, built once from its settings:
// the server's metadata, the client and how it authenticates, and the secrets
// no error may show.
import * as oauth from "oauth4webapi";
import { basicCredentials } from "./errors.js";
import type { Settings } from "./options.js";
import { serverResolver } from "./server.js";
import { tokenRequester, type TokenRequest } from "./token-request.js";

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
  const alwaysSecret = [
    settings.clientSecret,
    ...basicCredentials(settings.clientId, settings.clientSecret),
  ];
  return {
    settings,
    server,
    client: { client_id: settings.clientId },
    clientAuth:
      settings.clientAuthentication === "client_secret_post"
        ? oauth.ClientSecretPost(settings.clientSecret)
        : oauth.ClientSecretBasic(settings.clientSecret),
    alwaysSecret,
    tokenRequest: tokenRequester(settings, server, alwaysSecret),
  };
}
