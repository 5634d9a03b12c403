// RFC 8414 authorization server metadata, so third-party OAuth clients
// (openid-client's discovery, for one) find the endpoints by themselves.
// For the issuer `{origin}/user` it lives at
// `{origin}/.well-known/oauth-authorization-server/user` (RFC 8414 section 3.1).
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../http.js";
import { OAUTH_FACTS } from "./context.js";

export const METADATA_PREFIX = "/.well-known/oauth-authorization-server";

/** The metadata of the login server at `issuer`, its endpoints and scopes from the spec. */
export function authorizationServerMetadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: issuer + OAUTH_FACTS.authorizePath,
    token_endpoint: issuer + OAUTH_FACTS.tokenPath,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: OAUTH_FACTS.scopes,
  };
}

export function handleMetadata(
  request: IncomingMessage,
  response: ServerResponse,
  metadata: ReturnType<typeof authorizationServerMetadata>,
): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return sendJson(response, 405, { error: "method_not_allowed" }, { allow: "GET, HEAD" });
  }
  // Public facts, readable from any origin, as RFC 8414 expects of metadata.
  sendJson(response, 200, metadata, { "access-control-allow-origin": "*" });
}
