// The configuration, from the environment (.env.local in development, the
// host's settings in production). Read once, on first use.
import { ConnectError, createConnectClient, type ConnectClient } from "@connect-payment/client";
import {
  ConnectIdError,
  createConnectIdLogin,
  type ConnectIdLogin,
  type TokenSource,
} from "@connect-payment/oauth";

export interface ShopConfig {
  publicOrigin: string;
  apiUrl: string | undefined;
  loginServer: string | undefined;
  clientId: string;
  clientSecret: string;
  returnUrlSecret: string;
  productCode: string;
  companyCode: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} in the environment`);
  return value;
}

let loaded: { config: ShopConfig; login: ConnectIdLogin } | undefined;

/** The configuration and the login, made once per server process. */
export function shop(): { config: ShopConfig; login: ConnectIdLogin } {
  if (loaded) return loaded;
  const config: ShopConfig = {
    publicOrigin: required("PUBLIC_ORIGIN"),
    // Unset: the provider's test servers. Set: the sandbox (or any other server).
    apiUrl: process.env.CONNECT_API_URL,
    loginServer: process.env.CONNECTID_LOGIN_SERVER,
    clientId: required("CONNECTID_CLIENT_ID"),
    clientSecret: required("CONNECTID_CLIENT_SECRET"),
    returnUrlSecret: required("RETURN_URL_SECRET"),
    productCode: required("PRODUCT_CODE"),
    companyCode: required("COMPANY_CODE"),
  };
  const login = createConnectIdLogin({
    ...(config.loginServer ? { loginServer: config.loginServer } : { environment: "test" }),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: `${config.publicOrigin}/login/callback`,
  });
  loaded = { config, login };
  return loaded;
}

/** The API client for the customer behind this request. */
export function clientFor(tokenSource: TokenSource): ConnectClient {
  const { config } = shop();
  return createConnectClient({
    ...(config.apiUrl ? { baseUrl: config.apiUrl } : { environment: "test" }),
    accessToken: tokenSource,
  });
}

/** The request's path and query on the configured public origin (never the Host header). */
export function publicUrl(request: Request): URL {
  const { pathname, search } = new URL(request.url);
  return new URL(pathname + search, shop().config.publicOrigin);
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
