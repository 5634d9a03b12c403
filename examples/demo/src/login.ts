// "Log in with ConnectID" for the demo merchant: /login, /login/callback and
// /logout, on the shop's server-side session (the browser only holds its id,
// in an HttpOnly cookie), and a client per session that pays with that
// customer's token through a token source. The pending logins and the tokens
// live in the shop's state (state.ts), so any process can answer any request.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createConnectClient, type ConnectClient } from "@connect-payment/client";
import {
  ConnectIdError,
  createConnectIdLogin,
  type ConnectIdLogin,
  type PendingLogin,
  type TokenSet,
} from "@connect-payment/oauth";
import { loginFailedPage, loginPage } from "./login-pages.js";
import { memoryState } from "./memory-state.js";
import { csrfTokenMatches, type Session, type SessionStore } from "./session.js";
import type { DemoState } from "./state.js";

export interface DemoLoginOptions {
  /** The login server (the sandbox's `loginServer`). */
  loginServer: string;
  /** The API the per-session clients call (the sandbox's `apiUrl`). */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where the pending logins and the tokens are kept; default this process's memory. */
  state?: DemoState;
  log?: (line: string) => void;
}

/** What the merchant hands the login routes: the trusted URL and its sessions. */
export interface LoginRouteContext {
  /** The request's URL, starting with the shop's public origin. */
  url: URL;
  sessions: SessionStore;
  /** Reads the form of a POST. */
  readForm(): Promise<URLSearchParams>;
  /** The shop's security headers (CSP and the rest), sent with every response. */
  headers: Record<string, string>;
}

/** The merchant's hook: answers the login routes and gives a client per logged-in session. */
export interface DemoLogin {
  /** Answers `/`, `/login`, `/login/callback`, `/logout` and `/pay` when it must; `false` leaves the request to the merchant. */
  route(
    request: IncomingMessage,
    response: ServerResponse,
    context: LoginRouteContext,
  ): Promise<boolean>;
  /** A client that pays with this session's customer token; `undefined` when not logged in. */
  clientFor(session: Session | undefined): Promise<ConnectClient | undefined>;
}

export function createDemoLogin(options: DemoLoginOptions): DemoLogin {
  const log = options.log ?? (() => {});
  const state = options.state ?? memoryState();
  // A login started but not finished (state.pendingLogins) is kept apart from
  // the session's tokens: anyone can make a browser GET /login (a link on
  // another site), and that must not log the customer out. Only a callback
  // with its state settles it.
  const pendings = state.pendingLogins;
  // Created on the first request: the redirect URI needs the merchant's origin.
  let login: ConnectIdLogin | undefined;

  async function clientFor(session: Session | undefined) {
    if (!session || !login) return undefined;
    const store = state.tokens(session.id);
    if (!(await store.get())) return undefined;
    // A token source per request: they share the store's refresh lease, so
    // one refresh per expiry however many requests, in however many processes.
    return createConnectClient({
      baseUrl: options.apiUrl,
      accessToken: login.tokenSource({ store }),
    });
  }

  async function callback(
    request: IncomingMessage,
    response: ServerResponse,
    context: LoginRouteContext,
  ) {
    const session = await context.sessions.find(request);
    const pending = session && (await pendings.get(session.id));
    if (!session || !pending || !login) {
      return send(
        response,
        context,
        400,
        loginFailedPage("invalid_input", "No login was started in this browser."),
      );
    }
    // A forged or stale answer changes nothing: the session and its pending login stay.
    if (!stateMatches(pending, context.url.searchParams.get("state"))) {
      log("login callback refused: its state is not the pending login's");
      return send(
        response,
        context,
        400,
        loginFailedPage("invalid_input", "This answer is not for the login started here."),
      );
    }
    await pendings.delete(session.id);
    let tokens: TokenSet;
    try {
      tokens = await login.finishLogin(context.url, pending);
    } catch (error) {
      if (!(error instanceof ConnectIdError)) throw error;
      // The message names fields and rules: for the log, not for the customer.
      log(`login failed: ${error.code}: ${error.message}`);
      const status = error.code === "access_denied" ? 403 : 400;
      return send(response, context, status, loginFailedPage(error.code));
    }
    // A new session id once logged in: an id planted before the login is worth nothing.
    await state.tokens(session.id).remove();
    const renewed = await context.sessions.renew(request, response);
    await state.tokens(renewed.id).set(tokens);
    log("logged in with ConnectID; the tokens stay in the server-side session");
    redirect(response, context, "/");
  }

  return {
    async route(request, response, context) {
      const { pathname, origin } = context.url;
      const method = request.method ?? "GET";
      login ??= createConnectIdLogin({
        loginServer: options.loginServer,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        redirectUri: `${origin}/login/callback`,
      });
      if (method === "GET" && pathname === "/login") {
        const { url, pending } = await login.startLogin();
        const session = await context.sessions.ensure(request, response);
        await pendings.set(session.id, pending);
        log("login: sending the browser to the login server");
        redirect(response, context, url);
        return true;
      }
      if (method === "GET" && pathname === "/login/callback") {
        await callback(request, response, context);
        return true;
      }
      if (method === "POST" && pathname === "/logout") {
        // Only the shop's own form may log the customer out.
        const session = await context.sessions.find(request);
        const form = await context.readForm();
        if (session && csrfTokenMatches(session, form.get("csrfToken"))) {
          await state.tokens(session.id).remove();
          await pendings.delete(session.id);
        }
        redirect(response, context, "/");
        return true;
      }
      const loggedIn = !!(await clientFor(await context.sessions.find(request)));
      if (!loggedIn && method === "GET" && pathname === "/") {
        send(response, context, 200, loginPage());
        return true;
      }
      if (!loggedIn && (pathname === "/pay" || pathname.startsWith("/payment-method"))) {
        redirect(response, context, "/");
        return true;
      }
      return false;
    },
    clientFor,
  };
}

/** True when the callback's `state` is the pending login's; compared in constant time. */
function stateMatches(pending: PendingLogin, sent: string | null): boolean {
  if (sent === null) return false;
  const expected = Buffer.from(pending.state);
  const actual = Buffer.from(sent);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function send(
  response: ServerResponse,
  { headers }: LoginRouteContext,
  status: number,
  html: string,
): void {
  response.writeHead(status, { ...headers, "content-type": "text/html; charset=utf-8" });
  response.end(html);
}

function redirect(
  response: ServerResponse,
  { headers }: LoginRouteContext,
  location: string,
): void {
  response.writeHead(303, { ...headers, location });
  response.end();
}
