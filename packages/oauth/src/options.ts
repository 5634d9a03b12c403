// The options of createConnectIdLogin(), checked once, every broken one named.
import { isCount, issueList, unboundFetch } from "@connect-payment/internal";
import { invalid, type ConnectIdIssue } from "./errors.js";
import { unknownOptions } from "./known-options.js";
import { urlProblem } from "./urls.js";
import { LOGIN_SERVERS, REQUIRED_SCOPES } from "./generated/spec.js";

/** How the client proves who it is at the token endpoint (RFC 6749 section 2.3.1). */
export type ClientAuthentication = "client_secret_basic" | "client_secret_post";

/** Where to read the login server's metadata: OpenID Connect discovery or RFC 8414. */
export type Discovery = "oidc" | "oauth2";

/** What {@link createConnectIdLogin} takes. */
export interface ConnectIdLoginOptions extends ServerOptions {
  /** Where ConnectID sends the customer back: an https URL (http only on loopback), no `#`. */
  redirectUri: string;
  /** Send a PKCE S256 challenge and verifier; default `true`. Not documented by the provider: an assumption. */
  pkce?: boolean;
}

/** The options every ConnectID client takes: which login server, who the client is, how to talk to it. */
export interface ServerOptions {
  /**
   * Which ConnectID login server to use, by name; the URLs come from the spec
   * ({@link LOGIN_SERVERS}). Required unless `loginServer`, both endpoints or
   * `discovery` is given.
   */
  environment?: keyof typeof LOGIN_SERVERS;
  /**
   * Any login server base URL (https; http only on loopback, for the sandbox),
   * without query, fragment or credentials; wins over `environment`.
   */
  loginServer?: string;
  /** The authorization endpoint; default `{loginServer}/oauth/authorize`, or the metadata's. */
  authorizationEndpoint?: string;
  /** The token endpoint; default `{loginServer}/oauth/token`, or the metadata's. */
  tokenEndpoint?: string;
  /**
   * The login server's issuer identifier. When set, a callback whose `iss`
   * names another server is refused (RFC 9207) and ID tokens are checked
   * against it. ConnectID documents none: unset, `iss` is ignored.
   */
  issuer?: string;
  /**
   * Read the endpoints from the issuer's metadata before the first request:
   * `"oidc"` (`/.well-known/openid-configuration`) or `"oauth2"` (RFC 8414).
   * Needs `issuer`. Off by default.
   */
  discovery?: Discovery;
  /** Your client id at ConnectID, e.g. `no.mediaconnect.test`. */
  clientId: string;
  /** Your client secret at ConnectID. Never put into an error or a log line. */
  clientSecret: string;
  /** Space-separated scopes asked for; default the spec's `read`. Not documented by the provider: an assumption. */
  scope?: string;
  /** Client authentication at the token endpoint; default `client_secret_basic`. Not documented by the provider: an assumption. */
  clientAuthentication?: ClientAuthentication;
  /** Refresh this long before the access token expires; default 60 000 (one minute). */
  refreshBeforeExpiryMs?: number;
  /** Per request to the login server; default 30 000. */
  timeoutMs?: number;
  /** Default `globalThis.fetch`, looked up at each request. Either way called as a plain function, never as a method. */
  fetch?: typeof fetch;
}

/** Every option name every grant takes, for the unknown-name check. */
export const CLIENT_OPTION_NAMES = [
  "environment",
  "loginServer",
  "authorizationEndpoint",
  "tokenEndpoint",
  "issuer",
  "discovery",
  "clientId",
  "clientSecret",
  "scope",
  "clientAuthentication",
  "refreshBeforeExpiryMs",
  "timeoutMs",
  "fetch",
] as const satisfies readonly (keyof ServerOptions)[];

/** Every option name of a login, in the order they are documented. */
const OPTION_NAMES = [
  ...CLIENT_OPTION_NAMES.slice(0, CLIENT_OPTION_NAMES.indexOf("scope")),
  "redirectUri",
  "scope",
  "pkce",
  ...CLIENT_OPTION_NAMES.slice(CLIENT_OPTION_NAMES.indexOf("scope") + 1),
] as const satisfies readonly (keyof ConnectIdLoginOptions)[];

/** The options with every default filled in and every value checked. */
export interface Settings {
  /** The base URL the endpoints hang under; `undefined` when every endpoint is given or discovered. */
  loginServer: string | undefined;
  authorizationEndpoint: string | undefined;
  tokenEndpoint: string | undefined;
  issuer: string | undefined;
  discovery: Discovery | undefined;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  pkce: boolean;
  clientAuthentication: ClientAuthentication;
  refreshBeforeExpiryMs: number;
  timeoutMs: number;
  fetch: typeof fetch;
}

const CLIENT_AUTHENTICATIONS: readonly ClientAuthentication[] = [
  "client_secret_basic",
  "client_secret_post",
];
const DISCOVERIES: readonly Discovery[] = ["oidc", "oauth2"];

const nonEmpty = (value: unknown): value is string =>
  typeof value == "string" && value.trim() !== "";

export function settingsFrom(options: ConnectIdLoginOptions): Settings {
  const given = (options ?? {}) as Partial<ConnectIdLoginOptions>;
  const { redirectUri, pkce = true } = given;
  const list = issueList();
  const { issues, check } = list;
  const common = clientSettings(given, list, true);
  const redirectProblem = urlProblem(redirectUri, true);
  if (redirectProblem) check(false, "redirectUri", redirectProblem);
  check(typeof pkce == "boolean", "pkce", "must be true or false");
  issues.push(...unknownOptions(given, OPTION_NAMES, "createConnectIdLogin"));
  // In the order the options are documented, whichever check found them (unknown names last).
  const rank = (issue: ConnectIdIssue) =>
    (OPTION_NAMES as readonly string[]).indexOf(issue.field) >>> 0;
  issues.sort((a, b) => rank(a) - rank(b));
  if (issues.length) throw invalid("invalid_config", "ConnectID login options", issues);
  return { ...common, redirectUri: redirectUri as string, pkce };
}

/** The settings every grant shares. */
export type ClientSettings = Omit<Settings, "redirectUri" | "pkce">;

/**
 * Checks and defaults the options every grant shares, adding each broken one
 * to the list. `needsAuthorization` is false for a grant without a browser
 * (client credentials).
 */
export function clientSettings(
  given: Partial<ServerOptions>,
  { issues, check }: ReturnType<typeof issueList>,
  needsAuthorization: boolean,
): ClientSettings {
  const {
    clientId,
    clientSecret,
    scope = REQUIRED_SCOPES.join(" "),
    clientAuthentication = "client_secret_basic",
    refreshBeforeExpiryMs = 60_000,
    timeoutMs = 30_000,
    fetch,
  } = given;

  const servers = serverSettings(given, issues, needsAuthorization);
  check(nonEmpty(clientId), "clientId", "must be a non-empty string");
  check(nonEmpty(clientSecret), "clientSecret", "must be a non-empty string");
  check(
    nonEmpty(scope) && /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(scope),
    "scope",
    "must be space-separated scope tokens (RFC 6749 section 3.3)",
  );
  check(
    CLIENT_AUTHENTICATIONS.includes(clientAuthentication),
    "clientAuthentication",
    `must be one of ${CLIENT_AUTHENTICATIONS.join(", ")}`,
  );
  check(isCount(refreshBeforeExpiryMs), "refreshBeforeExpiryMs", "must be a non-negative integer");
  check(isCount(timeoutMs) && timeoutMs > 0, "timeoutMs", "must be a positive integer");
  check(typeof (fetch ?? globalThis.fetch) == "function", "fetch", "must be a function");
  return {
    ...servers,
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    scope,
    clientAuthentication,
    refreshBeforeExpiryMs,
    timeoutMs,
    // Called as a plain function, never as `settings.fetch(…)`: see unboundFetch.
    fetch: unboundFetch(fetch),
  };
}

/** Where the login server's endpoints come from. */
export type ServerSettings = Pick<
  Settings,
  "loginServer" | "authorizationEndpoint" | "tokenEndpoint" | "issuer" | "discovery"
>;

/** What a request to the login server needs: where it is, how long to wait, which fetch. */
export type ConnectionSettings = ServerSettings & Pick<Settings, "timeoutMs" | "fetch">;

/**
 * Where the endpoints come from: the spec by environment, a base URL, explicit
 * URLs, or metadata. `needsAuthorization` is false for grants without a browser
 * (client credentials), where a token endpoint alone is enough.
 */
export function serverSettings(
  given: Partial<ServerOptions>,
  issues: ConnectIdIssue[],
  needsAuthorization: boolean,
): ServerSettings {
  const { environment, authorizationEndpoint, tokenEndpoint, issuer, discovery } = given;
  const url = (field: keyof ServerOptions, allowQuery: boolean) => {
    const value = given[field];
    const problem = value === undefined ? undefined : urlProblem(value, allowQuery);
    if (problem) issues.push({ field, message: problem });
    return value as string | undefined;
  };
  let loginServer = url("loginServer", false);
  url("authorizationEndpoint", true);
  url("tokenEndpoint", true);
  url("issuer", false);
  if (discovery !== undefined && !DISCOVERIES.includes(discovery)) {
    issues.push({ field: "discovery", message: `must be one of ${DISCOVERIES.join(", ")}` });
  }
  if (discovery !== undefined && issuer === undefined) {
    issues.push({ field: "issuer", message: "is required with discovery" });
  }
  const endpointsKnown =
    discovery !== undefined ||
    (!!tokenEndpoint && (!!authorizationEndpoint || !needsAuthorization));
  if (loginServer === undefined && environment !== undefined) {
    if (Object.hasOwn(LOGIN_SERVERS, environment)) loginServer = LOGIN_SERVERS[environment];
    else issues.push({ field: "environment", message: `must be one of ${KNOWN_ENVIRONMENTS}` });
  } else if (loginServer === undefined && !endpointsKnown) {
    issues.push({
      field: "environment",
      message: `is required unless loginServer is given (one of ${KNOWN_ENVIRONMENTS})`,
    });
  }
  return {
    // Without a trailing slash, so the spec's paths can be appended.
    loginServer: loginServer?.replace(/\/+$/, ""),
    authorizationEndpoint,
    tokenEndpoint,
    issuer,
    discovery,
  };
}

const KNOWN_ENVIRONMENTS = Object.keys(LOGIN_SERVERS).join(", ");
