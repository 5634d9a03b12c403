// The shop: an Express 5 app with ConnectID login, Pay invoice with a bound
// return, and Change payment method. Configure it for the sandbox, the
// provider's test servers or production (src/config.ts); nothing else changes.
import { ConnectError } from "@connect-payment/client";
import express, { type ErrorRequestHandler, type Express } from "express";
import type { ShopConfig } from "./config.js";
import { createLogin, needsLogin } from "./connect.js";
import { loginRoutes } from "./login-routes.js";
import { homePage, page } from "./pages.js";
import { paymentMethodRoutes } from "./payment-method-routes.js";
import { paymentRoutes } from "./payment-routes.js";
import { pageSecurity } from "./same-origin.js";
import { forgetLogin, sessions } from "./session.js";

/** The invoice the home page offers to pay: yours comes from your billing. */
export const OPEN_INVOICE = "1001";

export function createShop(config: ShopConfig): Express {
  const login = createLogin(config);
  const app = express();
  app.disable("x-powered-by");
  app.use(pageSecurity(config.publicOrigin));
  app.use(sessions({ secure: config.publicOrigin.startsWith("https:") }));

  app.get("/", (request, response) => {
    response.send(homePage(request.session.tokenSource !== undefined, OPEN_INVOICE));
  });
  app.use(loginRoutes(config, login));
  app.use(paymentRoutes(config, login));
  app.use(paymentMethodRoutes(config, login));
  app.use(handleErrors);
  return app;
}

/** Express 5 passes a rejected handler's error here. */
const handleErrors: ErrorRequestHandler = (error, request, response, next) => {
  if (response.headersSent) return next(error);
  if (needsLogin(error)) {
    // The login no longer works: log in again, then the customer tries again.
    forgetLogin(request.session);
    return response.redirect(303, "/login");
  }
  if (error instanceof ConnectError) {
    // The code tells you what to do (see "Handle every error"); the customer gets plain words.
    console.error(`Connect API: ${error.code}: ${error.message}`);
    return response
      .status(502)
      .send(page("Something went wrong", "<p>Please try again later.</p>"));
  }
  next(error);
};
