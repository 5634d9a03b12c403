// "Log in with ConnectID" for the demo merchant: /login, /login/callback and
// /logout, on the shop's server-side session (the browser only holds its id,
// in an HttpOnly cookie), and a client per session that pays with that
// customer's token through a token source.
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
import { csrfTokenMatches, type Session, type SessionStore } from "./session.js";

export interface DemoLoginOptions {
  /** The login server (the sandbox's `loginServer`). */
  loginServer: string;
  /** The API the per-session clients call (the sandbox's `apiUrl`). */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
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
  /** A client that pays with this session's customer token. */
  clientFor(session: Session | undefined): ConnectClient | undefined;
}

/** What a logged-in session knows about its login; kept on the server, by session id. */
interface LoginState {
  tokens?: TokenSet;
  client?: ConnectClient;
}

export function createDemoLogin(options: DemoLoginOptions): DemoLogin {
  const log = options.log ?? (() => {});
  const states = new Map<string, LoginState>();
  // A login started but not finished, apart from the session's tokens: anyone
  // can make a browser GET /login (a link on another site), and that must not
  // log the customer out. Only a callback with its state settles it.
  const pendings = new Map<string, PendingLogin>();
  const clientFor = (session: Session | undefined) =>
    session ? states.get(session.id)?.client : undefined;
  // Created on the first request: the redirect URI needs the merchant's origin.
  let login: ConnectIdLogin | undefined;

  async function callback(
    request: IncomingMessage,
    response: ServerResponse,
    context: LoginRouteContext,
  ) {
    const session = context.sessions.find(request);
    const pending = session && pendings.get(session.id);
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
    pendings.delete(session.id);
    const state: LoginState = {};
    try {
      state.tokens = await login.finishLogin(context.url, pending);
    } catch (error) {
      if (!(error instanceof ConnectIdError)) throw error;
      // The message names fields and rules: for the log, not for the customer.
      log(`login failed: ${error.code}: ${error.message}`);
      const status = error.code === "access_denied" ? 403 : 400;
      return send(response, context, status, loginFailedPage(error.code));
    }
    const source = login.tokenSource({
      store: {
        get: () => state.tokens,
        set: (tokens) => {
          state.tokens = tokens;
        },
      },
    });
    state.client = createConnectClient({ baseUrl: options.apiUrl, accessToken: source });
    // A new session id once logged in: an id planted before the login is worth nothing.
    states.delete(session.id);
    states.set(context.sessions.renew(request, response).id, state);
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
        const session = context.sessions.ensure(request, response);
        pendings.set(session.id, pending);
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
        const session = context.sessions.find(request);
        const form = await context.readForm();
        if (session && csrfTokenMatches(session, form.get("csrfToken"))) {
          states.delete(session.id);
          pendings.delete(session.id);
        }
        redirect(response, context, "/");
        return true;
      }
      const loggedIn = !!clientFor(context.sessions.find(request));
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
