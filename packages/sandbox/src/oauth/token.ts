// POST {login}/oauth/token: the authorization_code, refresh_token and
// client_credentials grants.
// Every response is JSON, errors as RFC 6749 section 5.2; no input crashes it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody, sendJson } from "../http.js";
import { OAUTH_FACTS, type OAuthContext } from "./context.js";
import type { OAuthSettings, SandboxOAuthClient } from "./options.js";
import { sendOAuthError } from "./respond.js";

export async function handleToken(
  request: IncomingMessage,
  response: ServerResponse,
  { settings, grants, log }: OAuthContext,
): Promise<void> {
  if (request.method !== "POST") {
    response.setHeader("allow", "POST");
    return sendOAuthError(response, 405, "invalid_request", "the token endpoint takes POST");
  }
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return sendOAuthError(
      response,
      400,
      "invalid_request",
      "send application/x-www-form-urlencoded",
    );
  }
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readBody(request, response));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return sendOAuthError(response, 413, "invalid_request", "the body is too large");
  }
  for (const [name] of form) {
    if (form.getAll(name).length > 1) {
      return sendOAuthError(response, 400, "invalid_request", `${name} is repeated`);
    }
  }

  const authenticated = authenticate(request.headers.authorization, form, settings);
  if ("error" in authenticated) {
    log(`token: invalid_client (${authenticated.error})`);
    // RFC 9110 11.6.1: every 401 names a scheme the client may use; Basic is the one to prefer.
    return sendOAuthError(response, 401, "invalid_client", authenticated.error, {
      "www-authenticate": 'Basic realm="connect-payment-sandbox"',
    });
  }
  const { client } = authenticated;

  const grantType = form.get("grant_type");
  let issued;
  if (grantType === "authorization_code") {
    const code = form.get("code");
    if (!code) return sendOAuthError(response, 400, "invalid_request", "code is missing");
    issued = grants.redeemCode(code, {
      clientId: client.clientId,
      redirectUri: form.get("redirect_uri"),
      codeVerifier: form.get("code_verifier"),
    });
  } else if (grantType === "refresh_token") {
    const refreshToken = form.get("refresh_token");
    if (!refreshToken)
      return sendOAuthError(response, 400, "invalid_request", "refresh_token is missing");
    issued = grants.refresh(refreshToken, client.clientId, form.get("scope"));
  } else if (grantType === "client_credentials") {
    issued = clientCredentials(grants, client.clientId, form.get("scope"));
  } else if (!grantType) {
    return sendOAuthError(response, 400, "invalid_request", "grant_type is missing");
  } else {
    return sendOAuthError(
      response,
      400,
      "unsupported_grant_type",
      "use authorization_code, refresh_token or client_credentials",
    );
  }

  if ("error" in issued) {
    // Never the code or token itself in a log line.
    log(`token: ${grantType} refused (${issued.error})`);
    return sendOAuthError(response, 400, issued.code, issued.error);
  }
  log(`token: ${grantType} granted to ${client.clientId}`);
  sendJson(response, 200, issued, { "cache-control": "no-store", pragma: "no-cache" });
}

/**
 * The client's own token. The provider documents neither scope nor client
 * authentication for this grant: the sandbox takes the login's (its scopes,
 * Basic or the form body) and grants the login's scopes when none is asked.
 */
function clientCredentials(grants: OAuthContext["grants"], clientId: string, scope: string | null) {
  const known = OAUTH_FACTS.scopes;
  if (scope !== null && scope.split(" ").some((s) => !known.includes(s))) {
    return { error: `scope must be among: ${known.join(" ")}`, code: "invalid_scope" as const };
  }
  return grants.issueClientToken(clientId, scope ?? known.join(" "));
}

type Authenticated = { client: SandboxOAuthClient } | { error: string };

/** HTTP Basic (RFC 6749 section 2.3.1, form-encoded parts) or the form body; never both. */
function authenticate(
  header: string | undefined,
  form: URLSearchParams,
  { clients }: OAuthSettings,
): Authenticated {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  const inBody = form.has("client_secret");
  if (header && !basic) return { error: "unsupported Authorization scheme" };
  if (basic && inBody) return { error: "use one client authentication method" };
  let clientId: string | null;
  let secret: string | null;
  if (basic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon === -1) return { error: "malformed Basic credentials" };
    try {
      clientId = formDecode(decoded.slice(0, colon));
      secret = formDecode(decoded.slice(colon + 1));
    } catch {
      return { error: "malformed Basic credentials" };
    }
    const bodyId = form.get("client_id");
    if (bodyId !== null && bodyId !== clientId) return { error: "client_id does not match" };
  } else {
    clientId = form.get("client_id");
    secret = form.get("client_secret");
  }
  const client = clientId ? clients.get(clientId) : undefined;
  if (!client || secret === null || secret !== client.clientSecret) {
    return { error: "unknown client or wrong secret" };
  }
  return { client };
}

function formDecode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, " "));
}
