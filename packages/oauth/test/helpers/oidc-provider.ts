// panva's oidc-provider (a certified OpenID Provider) in this process on
// 127.0.0.1, and a browser's part of a login against its development
// interactions: plain fetch, redirects followed by hand, cookies kept.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export const CLIENT = { clientId: "shop.example", clientSecret: "Shop+Secret/for=the&provider" };
/** The same shop registered for `client_secret_post`. */
export const POST_CLIENT = { clientId: "shop.post", clientSecret: "Post+Secret/for=the&provider" };
/** A back office registered for client credentials only (no customer, no redirect). */
export const BACK_OFFICE = { clientId: "shop.back-office", clientSecret: "Back+Office/secret=1&2" };
export const PROVIDER_REDIRECT = "http://127.0.0.1:8099/login/callback";

export interface StandardsServer {
  issuer: string;
  provider: Provider;
  /** Token endpoint requests that arrived, by grant type. */
  grants: string[];
  close(): Promise<void>;
}

/** Starts oidc-provider on a free loopback port; `rotate` sets refresh token rotation. */
export async function startProvider(rotate: boolean): Promise<StandardsServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        redirect_uris: [PROVIDER_REDIRECT],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
      {
        client_id: POST_CLIENT.clientId,
        client_secret: POST_CLIENT.clientSecret,
        redirect_uris: [PROVIDER_REDIRECT],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
      {
        client_id: BACK_OFFICE.clientId,
        client_secret: BACK_OFFICE.clientSecret,
        redirect_uris: [],
        grant_types: ["client_credentials"],
        response_types: [],
        // Basic for the grant (the package's default); introspection in the tests uses post.
        token_endpoint_auth_method: "client_secret_basic",
        scope: "read",
      },
    ],
    scopes: ["openid", "offline_access", "read"],
    // Every lifetime set, so the provider does not warn about its defaults.
    ttl: {
      AccessToken: 3600,
      ClientCredentials: 3600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 86_400,
      Session: 3600,
    },
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
    },
    cookies: { keys: ["a-cookie-key-for-the-tests-only"] },
    findAccount: (_ctx, sub) => Promise.resolve({ accountId: sub, claims: () => ({ sub }) }),
    issueRefreshToken: () => Promise.resolve(true),
    rotateRefreshToken: rotate,
    pkce: { required: () => true },
  };
  const provider = new Provider(issuer, configuration);
  const grants: string[] = [];
  const callback = provider.callback();
  server.on("request", (request, response) => {
    if (request.url === "/token") grants.push(request.method ?? "");
    callback(request, response);
  });
  return {
    issuer,
    provider,
    grants,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser: follows redirects by hand, keeps cookies (by name; paths are ignored). */
function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
}

/**
 * Opens the authorization URL, signs in as `account.login` and consents (or aborts),
 * and returns the URL the provider sends the browser back to.
 */
export async function providerSignIn(
  authorizationUrl: string,
  account: { login: string } | "deny" = { login: "kari" },
): Promise<string> {
  const open = browser();
  let url = authorizationUrl;
  for (let step = 0; step < 10; step++) {
    if (url.startsWith(PROVIDER_REDIRECT)) return url;
    const page = await open(url);
    const location = page.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await page.text();
    if (page.status !== 200) throw new Error(`the provider answered ${page.status}: ${html}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (account === "deny") {
      url = `${url.replace(/\/$/, "")}/abort`;
      continue;
    }
    const form = new URLSearchParams({ prompt: prompt ?? "" });
    if (prompt === "login") {
      form.set("login", account.login);
      form.set("password", "any");
    }
    const answer = await open(url, { method: "POST", body: form });
    const next = answer.headers.get("location");
    if (!next) throw new Error(`the ${prompt} form answered ${answer.status}`);
    url = new URL(next, url).href;
  }
  throw new Error("the login did not come back to the redirect URI");
}
