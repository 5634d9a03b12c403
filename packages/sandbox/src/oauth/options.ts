// What the sandbox's login server knows: its clients, its customers, its lifetimes.
import { isLoopbackHost } from "@connect-payment/internal";
import { loadSpec, responseExample } from "../spec.js";

/** A client registered at the sandbox's login server. */
export interface SandboxOAuthClient {
  /** The `client_id` the merchant sends. */
  clientId: string;
  /** The `client_secret` the token endpoint checks. */
  clientSecret: string;
  /**
   * The redirect URIs it may use, compared exactly. Default: any http(s)
   * URI on loopback (127.0.0.0/8, `[::1]`, localhost), so a demo on a free
   * port needs no setup.
   */
  redirectUris?: string[];
}

/** A test customer shown on the sign-in page. */
export interface SandboxCustomer {
  /** What `signIn()` and `completeLogin()` take, e.g. `kari`. */
  id: string;
  /** The name shown on the sign-in page. */
  name: string;
  /**
   * The customer's number at the provider: on each of the customer's invoices
   * (`customerNumber`), and what the client-mode operations take.
   */
  customerNumber: number;
}

/** The sandbox's OAuth options (`startSandbox({ oauth })`). */
export interface SandboxOAuthOptions {
  /** Default: one client, {@link DEFAULT_OAUTH_CLIENT}. */
  clients?: SandboxOAuthClient[];
  /** Access token lifetime in seconds; default 43 200 (12 hours, the provider's default). Shorten it to watch a refresh. */
  accessTokenTtlSeconds?: number;
  /** Refresh token lifetime in seconds; default 2 592 000 (30 days, the provider's default). */
  refreshTokenTtlSeconds?: number;
  /** Authorization code lifetime in seconds; default 60. */
  codeTtlSeconds?: number;
  /**
   * Accept on the API only access tokens this login server issued and that
   * have not expired (401 `invalid_token` otherwise), as the provider does.
   * Default `true`: get one with a login, or `sandbox.signIn()`. `false`
   * accepts any non-empty bearer token.
   */
  requireIssuedTokens?: boolean;
  /**
   * Take a rotated-out refresh token presented again as theft (RFC 9700
   * 4.14.2) and revoke the whole login: its newest refresh token and its
   * access tokens. Default `true`. The provider may be more lenient; the
   * sandbox is strict on purpose, so that two processes racing to refresh
   * one customer's token fail in a test as they could in production.
   * `false` only refuses the old token.
   */
  refreshTokenReuseDetection?: boolean;
  /** The login server's clock, in milliseconds since the epoch; default `Date.now`. Tests move it to expire tokens at once. */
  clock?: () => number;
}

/** The client a sandbox knows when given none: use these in demos and tests. */
export const DEFAULT_OAUTH_CLIENT: {
  /** Pass as the login's `clientId`. */
  readonly clientId: "no.mediaconnect.test";
  /** Pass as the login's `clientSecret`: a test value, known to everyone. */
  readonly clientSecret: "sandbox-client-secret";
} = {
  clientId: "no.mediaconnect.test",
  clientSecret: "sandbox-client-secret",
};

// The first customer's number is the spec's sample invoice's; the others follow it.
const FIRST_CUSTOMER_NUMBER = Number(
  (
    responseExample(loadSpec(), "listInvoices", "200") as unknown as {
      invoices: { customerNumber: number }[];
    }
  ).invoices[0]!.customerNumber,
);

/** The customers on the sign-in page. */
export const SANDBOX_CUSTOMERS: readonly SandboxCustomer[] = [
  { id: "kari", name: "Kari Nordmann" },
  { id: "ola", name: "Ola Nordmann" },
  { id: "sven", name: "Sven Svensson" },
].map((customer, index) => ({ ...customer, customerNumber: FIRST_CUSTOMER_NUMBER + index }));

export interface OAuthSettings {
  clients: Map<string, SandboxOAuthClient>;
  accessTtlMs: number;
  refreshTtlMs: number;
  codeTtlMs: number;
  requireIssuedTokens: boolean;
  refreshTokenReuseDetection: boolean;
  clock: () => number;
}

export function oauthSettings(options: SandboxOAuthOptions = {}): OAuthSettings {
  const seconds = (value: number | undefined, fallback: number, name: string) => {
    const chosen = value ?? fallback;
    if (!(typeof chosen == "number" && chosen > 0 && Number.isFinite(chosen))) {
      throw new TypeError(`oauth.${name} must be a positive number of seconds`);
    }
    return chosen * 1000;
  };
  const clients = options.clients ?? [DEFAULT_OAUTH_CLIENT];
  const reuseDetection = options.refreshTokenReuseDetection ?? true;
  if (typeof reuseDetection !== "boolean") {
    throw new TypeError("oauth.refreshTokenReuseDetection must be true or false");
  }
  return {
    clients: new Map(clients.map((client) => [client.clientId, client])),
    accessTtlMs: seconds(options.accessTokenTtlSeconds, 12 * 60 * 60, "accessTokenTtlSeconds"),
    refreshTtlMs: seconds(
      options.refreshTokenTtlSeconds,
      30 * 24 * 60 * 60,
      "refreshTokenTtlSeconds",
    ),
    codeTtlMs: seconds(options.codeTtlSeconds, 60, "codeTtlSeconds"),
    requireIssuedTokens: options.requireIssuedTokens ?? true,
    refreshTokenReuseDetection: reuseDetection,
    clock: options.clock ?? Date.now,
  };
}

/** Is this redirect URI one the client may use? */
export function redirectAllowed(client: SandboxOAuthClient, uri: string): boolean {
  if (client.redirectUris) return client.redirectUris.includes(uri);
  try {
    const url = new URL(uri);
    return (
      (url.protocol === "http:" || url.protocol === "https:") &&
      isLoopbackHost(url.hostname) &&
      !url.hash
    );
  } catch {
    return false;
  }
}
