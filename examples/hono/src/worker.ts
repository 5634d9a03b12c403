// The same shop as a Cloudflare Worker: the configuration comes from the
// Worker's environment (vars and secrets), the app is built once per isolate.
import type { Hono } from "hono";
import { createShop } from "./app.js";
import type { ShopConfig } from "./config.js";
import type { ShopEnv } from "./session.js";

/** The Worker's bindings: set them with `wrangler secret put` and `[vars]`. */
export interface WorkerEnv {
  PUBLIC_ORIGIN: string;
  CONNECT_API_URL?: string;
  CONNECTID_LOGIN_SERVER?: string;
  CONNECTID_CLIENT_ID: string;
  CONNECTID_CLIENT_SECRET: string;
  RETURN_URL_SECRET: string;
  PRODUCT_CODE: string;
  COMPANY_CODE: string;
}

let shop: Hono<ShopEnv> | undefined;

function configFrom(env: WorkerEnv): ShopConfig {
  return {
    publicOrigin: env.PUBLIC_ORIGIN,
    ...(env.CONNECT_API_URL ? { apiUrl: env.CONNECT_API_URL } : { environment: "test" }),
    ...(env.CONNECTID_LOGIN_SERVER
      ? { loginServer: env.CONNECTID_LOGIN_SERVER }
      : { loginEnvironment: "test" }),
    clientId: env.CONNECTID_CLIENT_ID,
    clientSecret: env.CONNECTID_CLIENT_SECRET,
    returnUrlSecret: env.RETURN_URL_SECRET,
    productCode: env.PRODUCT_CODE,
    companyCode: env.COMPANY_CODE,
  };
}

export default {
  fetch(request: Request, env: WorkerEnv): Response | Promise<Response> {
    shop ??= createShop(configFrom(env));
    return shop.fetch(request);
  },
};
