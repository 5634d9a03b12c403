// A session per browser: an id in an HttpOnly cookie, the data on the server.
// A Map keeps the recipe short (in a Worker it lives as long as the isolate);
// in production use a store that outlives both (KV, Durable Objects, a database).
import type { PendingLogin, TokenSet, TokenSource } from "@connect-payment/oauth";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";

export interface Session {
  pending?: PendingLogin;
  tokens?: TokenSet;
  tokenSource?: TokenSource;
  paymentChangeId?: number;
}

export interface ShopEnv {
  Variables: { session: Session };
}

export function sessions(secure: boolean) {
  const store = new Map<string, Session>();
  return async (c: Context<ShopEnv>, next: () => Promise<void>) => {
    const id = getCookie(c, "sid");
    let session = id === undefined ? undefined : store.get(id);
    if (!session) {
      const fresh = crypto.randomUUID();
      session = {};
      store.set(fresh, session);
      setCookie(c, "sid", fresh, { httpOnly: true, sameSite: "Lax", secure, path: "/" });
    }
    c.set("session", session);
    await next();
  };
}

export function forgetLogin(session: Session): void {
  delete session.tokens;
  delete session.tokenSource;
  delete session.paymentChangeId;
}
