// The authorization server this login talks to: its endpoints from the
// options, from the spec's paths under the login server, or (opt-in) from
// its metadata (RFC 8414 / OpenID Connect discovery), read once.
import * as oauth from "oauth4webapi";
import { ConnectIdError } from "./errors.js";
import { AUTHORIZE_PATH, TOKEN_PATH } from "./generated/spec.js";
import { fromLoginServer } from "./oauth-errors.js";
import type { ConnectionSettings, Discovery } from "./options.js";
import { requestOptions } from "./request.js";
import { usableEndpoint } from "./urls.js";

/** The login server's name for people and for `login.loginServer`. */
export function serverName(settings: ConnectionSettings): string {
  const endpoint = settings.tokenEndpoint ?? settings.authorizationEndpoint;
  return settings.loginServer ?? settings.issuer ?? new URL(endpoint as string).origin;
}

/** The server as configured, without metadata. */
function configured(settings: ConnectionSettings): oauth.AuthorizationServer {
  const base = settings.loginServer;
  return withEndpoints(
    // Without a configured issuer, the login server stands in for it (as
    // before): ConnectID documents none, and an `iss` is then not compared.
    { issuer: settings.issuer ?? serverName(settings) },
    settings.authorizationEndpoint ?? (base && base + AUTHORIZE_PATH),
    settings.tokenEndpoint ?? (base && base + TOKEN_PATH),
  );
}

/** The server with each endpoint that is given put in place. */
function withEndpoints(
  server: oauth.AuthorizationServer,
  authorize: string | undefined,
  token: string | undefined,
): oauth.AuthorizationServer {
  return {
    ...server,
    ...(authorize && { authorization_endpoint: authorize }),
    ...(token && { token_endpoint: token }),
  };
}

/**
 * Gives the authorization server, reading its metadata on first use when
 * `discovery` is set. A failed read is not kept: the next call tries again.
 */
export function serverResolver(
  settings: ConnectionSettings,
  needsAuthorization = true,
): () => Promise<oauth.AuthorizationServer> {
  if (settings.discovery === undefined) {
    const known = configured(settings);
    return () => Promise.resolve(known);
  }
  let found: Promise<oauth.AuthorizationServer> | undefined;
  return () => {
    found ??= discover(settings, needsAuthorization).catch((error: unknown) => {
      found = undefined;
      throw error;
    });
    return found;
  };
}

async function discover(
  settings: ConnectionSettings,
  needsAuthorization: boolean,
): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(settings.issuer as string);
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const request = requestOptions(settings, issuer.href, signal);
  let metadata: oauth.AuthorizationServer;
  try {
    const response = await oauth.discoveryRequest(issuer, {
      ...request.options,
      algorithm: settings.discovery as Discovery,
    });
    metadata = await oauth.processDiscoveryResponse(issuer, response);
  } catch (error) {
    throw await fromLoginServer(error, {
      what: "The login server's metadata",
      secrets: [],
      timedOut: signal.aborted,
      answered: request.answered(),
    });
  }
  // Options given explicitly win over the metadata.
  const server = withEndpoints(metadata, settings.authorizationEndpoint, settings.tokenEndpoint);
  const needed = needsAuthorization
    ? (["authorization_endpoint", "token_endpoint"] as const)
    : (["token_endpoint"] as const);
  for (const field of needed) {
    if (!usableEndpoint(server[field])) {
      throw new ConnectIdError(
        "provider_error",
        `The login server's metadata has no usable ${field} (https, or http on loopback only)`,
      );
    }
  }
  return server;
}
