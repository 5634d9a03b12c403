// The options of createConnectIdLogin(), checked once, every broken one named.
import { invalid, type ConnectIdIssue } from "./errors.js";
import { LOGIN_SERVERS, REQUIRED_SCOPES } from "./generated/spec.js";

/** How the client proves who it is at the token endpoint (RFC 6749 section 2.3.1). */
export type ClientAuthentication = "client_secret_basic" | "client_secret_post";

/** What {@link createConnectIdLogin} takes. */
export interface ConnectIdLoginOptions {
  /**
   * Which ConnectID login server to use, by name; the URLs come from the spec
   * ({@link LOGIN_SERVERS}). Required unless `loginServer` is given.
   */
  environment?: keyof typeof LOGIN_SERVERS;
  /** Any login server base URL (https; http only on loopback, for the sandbox); wins over `environment`. */
  loginServer?: string;
  /** Your client id at ConnectID, e.g. `no.mediaconnect.test`. */
  clientId: string;
  /** Your client secret at ConnectID. Never put into an error or a log line. */
  clientSecret: string;
  /** Where ConnectID sends the customer back: an https URL (http only on loopback). */
  redirectUri: string;
  /** Space-separated scopes asked for; default the spec's `read`. Not documented by the provider: an assumption. */
  scope?: string;
  /** Send a PKCE S256 challenge and verifier; default `true`. Not documented by the provider: an assumption. */
  pkce?: boolean;
  /** Client authentication at the token endpoint; default `client_secret_basic`. Not documented by the provider: an assumption. */
  clientAuthentication?: ClientAuthentication;
  /** Refresh this long before the access token expires; default 60 000 (one minute). */
  refreshBeforeExpiryMs?: number;
  /** Per token request; default 30 000. */
  timeoutMs?: number;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** The options with every default filled in and every value checked. */
export interface Settings {
  loginServer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  pkce: boolean;
  clientAuthentication: ClientAuthentication;
  refreshBeforeExpiryMs: number;
  timeoutMs: number;
  fetch: typeof fetch;
  /** The login server is plain http on loopback (the sandbox). */
  insecure: boolean;
}

const CLIENT_AUTHENTICATIONS: readonly ClientAuthentication[] = [
  "client_secret_basic",
  "client_secret_post",
];

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** `https:`, or `http:` on a loopback host; `undefined` when not a URL at all. */
function secureEnough(value: unknown): { url: URL; http: boolean } | undefined | false {
  if (typeof value != "string") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol === "https:") return { url, http: false };
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return { url, http: true };
  return false;
}

const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;
const nonEmpty = (value: unknown): value is string =>
  typeof value == "string" && value.trim() !== "";

export function settingsFrom(options: ConnectIdLoginOptions): Settings {
  const given = (options ?? {}) as Partial<ConnectIdLoginOptions>;
  const {
    environment,
    clientId,
    clientSecret,
    redirectUri,
    scope = REQUIRED_SCOPES.join(" "),
    pkce = true,
    clientAuthentication = "client_secret_basic",
    refreshBeforeExpiryMs = 60_000,
    timeoutMs = 30_000,
    fetch = globalThis.fetch,
  } = given;
  const issues: ConnectIdIssue[] = [];
  const check = (ok: boolean, field: string, message: string) =>
    ok || issues.push({ field, message });

  let loginServer = given.loginServer;
  if (loginServer === undefined) {
    const known = Object.keys(LOGIN_SERVERS).join(", ");
    if (environment === undefined) {
      issues.push({
        field: "environment",
        message: `is required unless loginServer is given (one of ${known})`,
      });
    } else if (!Object.hasOwn(LOGIN_SERVERS, environment)) {
      issues.push({ field: "environment", message: `must be one of ${known}` });
    } else {
      loginServer = LOGIN_SERVERS[environment];
    }
  }
  const server = loginServer === undefined ? undefined : secureEnough(loginServer);
  if (loginServer !== undefined) {
    check(
      !!server,
      "loginServer",
      "must be an https URL (http only on 127.0.0.1, localhost or [::1])",
    );
  }
  check(nonEmpty(clientId), "clientId", "must be a non-empty string");
  check(nonEmpty(clientSecret), "clientSecret", "must be a non-empty string");
  const redirect = secureEnough(redirectUri);
  check(
    !!redirect && !redirect.url.hash,
    "redirectUri",
    "must be an https URL without a fragment (http only on 127.0.0.1, localhost or [::1])",
  );
  check(
    nonEmpty(scope) && /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(scope),
    "scope",
    "must be space-separated scope tokens (RFC 6749 section 3.3)",
  );
  check(typeof pkce == "boolean", "pkce", "must be true or false");
  check(
    CLIENT_AUTHENTICATIONS.includes(clientAuthentication),
    "clientAuthentication",
    `must be one of ${CLIENT_AUTHENTICATIONS.join(", ")}`,
  );
  check(isCount(refreshBeforeExpiryMs), "refreshBeforeExpiryMs", "must be a non-negative integer");
  check(isCount(timeoutMs) && timeoutMs > 0, "timeoutMs", "must be a positive integer");
  check(typeof fetch == "function", "fetch", "must be a function");
  if (issues.length) throw invalid("invalid_config", "ConnectID login options", issues);

  return {
    // Without a trailing slash, so the spec's paths can be appended.
    loginServer: (loginServer as string).replace(/\/+$/, ""),
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    redirectUri: redirectUri as string,
    scope,
    pkce,
    clientAuthentication,
    refreshBeforeExpiryMs,
    timeoutMs,
    fetch,
    insecure: !!server && server.http,
  };
}
