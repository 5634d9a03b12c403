// A session per browser: an id in an HttpOnly cookie, the data on the server.
// In Next you may read the cookie with `cookies()` from next/headers; reading
// the request's header, as here, works in any route handler. A Map keeps the
// recipe short: use your session store (a database, Redis) in production.
import type { PendingLogin, TokenSet, TokenSource } from "@connect-payment/oauth";
import { shop } from "./config.js";

export interface Session {
  id: string;
  pending?: PendingLogin;
  tokens?: TokenSet;
  tokenSource?: TokenSource;
  paymentChangeId?: number;
}

const store = new Map<string, Session>();

/** No other site may frame a page and trick the customer into pressing "Pay". */
const NO_FRAMING = {
  "content-security-policy": "frame-ancestors 'none'",
  "x-frame-options": "DENY",
};

export function sessionOf(request: Request): Session {
  const id = /(?:^|;\s*)sid=([\w-]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  const found = id === undefined ? undefined : store.get(id);
  if (found) return found;
  const fresh: Session = { id: crypto.randomUUID() };
  store.set(fresh.id, fresh);
  return fresh;
}

/** A 303 that also (re)sets the session cookie. */
export function redirect(location: string, session: Session): Response {
  const secure = shop().config.publicOrigin.startsWith("https:") ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      location,
      "set-cookie": `sid=${session.id}; HttpOnly; SameSite=Lax; Path=/${secure}`,
    },
  });
}

export function html(body: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...NO_FRAMING },
  });
}

export function forgetLogin(session: Session): void {
  delete session.tokens;
  delete session.tokenSource;
  delete session.paymentChangeId;
}
