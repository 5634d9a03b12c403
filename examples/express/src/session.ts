// A session per browser: an id in an HttpOnly cookie, the data on the server.
// A Map keeps the recipe short; in production use your session store.
import type { NextFunction, Request, Response } from "express";
import type { PendingLogin, TokenSet, TokenSource } from "@connect-payment/oauth";

export interface Session {
  /** Between /login and /login/callback. */
  pending?: PendingLogin;
  /** After the login. */
  tokens?: TokenSet;
  /** One per customer, so their requests share one refresh. */
  tokenSource?: TokenSource;
  /** The payment change the customer was sent to make, to match its return. */
  paymentChangeId?: number;
}

// Express's own hook for what middleware adds to every request.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares its Request as a global namespace to augment
  namespace Express {
    interface Request {
      session: Session;
    }
  }
}

const COOKIE = "sid";

export function sessions(options: { secure: boolean }) {
  const store = new Map<string, Session>();
  return function session(request: Request, response: Response, next: NextFunction): void {
    const id = new RegExp(`(?:^|;\\s*)${COOKIE}=([\\w-]+)`).exec(request.headers.cookie ?? "")?.[1];
    const found = id === undefined ? undefined : store.get(id);
    if (id !== undefined && found) {
      request.session = found;
      return next();
    }
    const fresh = crypto.randomUUID();
    request.session = {};
    store.set(fresh, request.session);
    response.cookie(COOKIE, fresh, {
      httpOnly: true,
      sameSite: "lax",
      secure: options.secure,
      path: "/",
    });
    next();
  };
}

/** Forgets the customer's login (logout, or a login that no longer works). */
export function forgetLogin(session: Session): void {
  delete session.tokens;
  delete session.tokenSource;
  delete session.paymentChangeId;
}
