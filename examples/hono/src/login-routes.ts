// GET /login, GET /login/callback, POST /logout.
import { ConnectIdError, type ConnectIdLogin } from "@connect-payment/oauth";
import { Hono } from "hono";
import type { ShopConfig } from "./config.js";
import { tokenSourceFor } from "./connect.js";
import { page } from "./pages.js";
import { forgetLogin, type ShopEnv } from "./session.js";

/** The request's path and query, on your configured public origin (never the Host header). */
export const publicUrl = (config: ShopConfig, url: string): URL => {
  const { pathname, search } = new URL(url);
  return new URL(pathname + search, config.publicOrigin);
};

export function loginRoutes(config: ShopConfig, login: ConnectIdLogin) {
  return new Hono<ShopEnv>()
    .get("/login", async (c) => {
      const { url, pending } = await login.startLogin();
      c.var.session.pending = pending;
      return c.redirect(url, 303);
    })
    .get("/login/callback", async (c) => {
      const session = c.var.session;
      const pending = session.pending;
      delete session.pending; // each login finishes once
      if (!pending)
        return c.html(page("Please log in again", `<p><a href="/login">Log in</a></p>`), 400);
      try {
        session.tokens = await login.finishLogin(publicUrl(config, c.req.url), pending);
      } catch (error) {
        if (!(error instanceof ConnectIdError)) throw error;
        const status = error.code === "access_denied" ? 403 : 400;
        return c.html(
          page("You are not logged in", `<p><a href="/login">Try again</a></p>`),
          status,
        );
      }
      session.tokenSource = tokenSourceFor(login, session);
      return c.redirect("/", 303);
    })
    .post("/logout", (c) => {
      forgetLogin(c.var.session);
      return c.redirect("/", 303);
    });
}
