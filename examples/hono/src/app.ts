// The shop: a Hono app with ConnectID login, Pay invoice with a bound return,
// and Change payment method. The same app runs on Node (src/node.ts) and in a
// Cloudflare Worker (src/worker.ts): only where the configuration comes from differs.
import { ConnectError } from "@connect-payment/client";
import { Hono } from "hono";
import type { ShopConfig } from "./config.js";
import { createLogin, needsLogin } from "./connect.js";
import { loginRoutes } from "./login-routes.js";
import { homePage, page } from "./pages.js";
import { paymentMethodRoutes } from "./payment-method-routes.js";
import { paymentRoutes } from "./payment-routes.js";
import { pageSecurity } from "./same-origin.js";
import { forgetLogin, sessions, type ShopEnv } from "./session.js";

/** The invoice the home page offers to pay: yours comes from your billing. */
export const OPEN_INVOICE = "1001";

export function createShop(config: ShopConfig): Hono<ShopEnv> {
  const login = createLogin(config);
  const app = new Hono<ShopEnv>();
  app.use(pageSecurity(config.publicOrigin));
  app.use(sessions(config.publicOrigin.startsWith("https:")));
  app.get("/", (c) => c.html(homePage(c.var.session.tokenSource !== undefined, OPEN_INVOICE)));
  app.route("/", loginRoutes(config, login));
  app.route("/", paymentRoutes(config, login));
  app.route("/", paymentMethodRoutes(config, login));
  app.onError((error, c) => {
    if (needsLogin(error)) {
      // The login no longer works: log in again, then the customer tries again.
      forgetLogin(c.var.session);
      return c.redirect("/login", 303);
    }
    if (error instanceof ConnectError) {
      console.error(`Connect API: ${error.code}: ${error.message}`);
      return c.html(page("Something went wrong", "<p>Please try again later.</p>"), 502);
    }
    throw error;
  });
  return app;
}
