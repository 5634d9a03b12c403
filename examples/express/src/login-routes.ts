// GET /login, GET /login/callback, POST /logout.
import { ConnectIdError, type ConnectIdLogin } from "@connect-payment/oauth";
import { Router } from "express";
import type { ShopConfig } from "./config.js";
import { tokenSourceFor } from "./connect.js";
import { page } from "./pages.js";
import { forgetLogin } from "./session.js";

export function loginRoutes(config: ShopConfig, login: ConnectIdLogin): Router {
  const router = Router();

  router.get("/login", async (request, response) => {
    const { url, pending } = await login.startLogin();
    request.session.pending = pending;
    response.redirect(303, url);
  });

  router.get("/login/callback", async (request, response) => {
    const pending = request.session.pending;
    delete request.session.pending; // each login finishes once
    if (!pending) {
      response.status(400).send(page("Please log in again", `<p><a href="/login">Log in</a></p>`));
      return;
    }
    try {
      // The URL as the browser sent it, on your public origin (not the Host header).
      const callback = new URL(request.originalUrl, config.publicOrigin);
      request.session.tokens = await login.finishLogin(callback, pending);
    } catch (error) {
      if (!(error instanceof ConnectIdError)) throw error;
      // access_denied: the customer said no; anything else: a stale or broken login.
      const status = error.code === "access_denied" ? 403 : 400;
      response
        .status(status)
        .send(page("You are not logged in", `<p><a href="/login">Try again</a></p>`));
      return;
    }
    request.session.tokenSource = tokenSourceFor(login, request.session);
    response.redirect(303, "/");
  });

  router.post("/logout", (request, response) => {
    forgetLogin(request.session);
    response.redirect(303, "/");
  });

  return router;
}
