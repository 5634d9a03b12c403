// "Log in with ConnectID" for the demo merchant: /login, /login/callback and
// /logout, a server-side session per browser (the browser only holds its id,
// in an HttpOnly cookie), and a client per session that pays with that
// customer's token through a token source.
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

export interface DemoLoginOptions {
  /** The login server (the sandbox's `loginServer`). */
  loginServer: string;
  /** The API the per-session clients call (the sandbox's `apiUrl`). */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  log?: (line: string) => void;
}

/** The merchant's hook: answers the login routes and gives a client per logged-in session. */
export interface DemoLogin {
  /** Answers `/`, `/login`, `/login/callback`, `/logout` and `/pay` when it must; `false` leaves the request to the merchant. */
  route(request: IncomingMessage, response: ServerResponse, origin: string): Promise<boolean>;
  /** A client that pays with this session's customer token. */
  clientFor(request: IncomingMessage): ConnectClient | undefined;
}

interface Session {
  pending?: PendingLogin;
  tokens?: TokenSet;
  client?: ConnectClient;
}

const COOKIE = "demo_session";

export function createDemoLogin(options: DemoLoginOptions): DemoLogin {
  const log = options.log ?? (() => {});
  const sessions = new Map<string, Session>();
  // Created on the first request: the redirect URI needs the merchant's origin.
  let login: ConnectIdLogin | undefined;

  const sessionOf = (request: IncomingMessage) => {
    const id = new RegExp(`(?:^|;\\s*)${COOKIE}=([\\w-]+)`).exec(request.headers.cookie ?? "")?.[1];
    return id ? sessions.get(id) : undefined;
  };

  function newSession(response: ServerResponse): Session {
    const id = crypto.randomUUID();
    const session: Session = {};
    sessions.set(id, session);
    // No `Secure`: the demo runs on http://127.0.0.1. A real shop adds it.
    response.setHeader("set-cookie", `${COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=/`);
    return session;
  }

  async function callback(request: IncomingMessage, response: ServerResponse, origin: string) {
    const session = sessionOf(request);
    const pending = session?.pending;
    if (session) delete session.pending;
    if (!session || !pending || !login) {
      return send(
        response,
        400,
        loginFailedPage("invalid_input", "No login was started in this browser."),
      );
    }
    try {
      session.tokens = await login.finishLogin(new URL(request.url ?? "/", origin), pending);
    } catch (error) {
      if (!(error instanceof ConnectIdError)) throw error;
      log(`login failed: ${error.code}`);
      const status = error.code === "access_denied" ? 403 : 400;
      return send(response, status, loginFailedPage(error.code, error.message));
    }
    const source = login.tokenSource({
      store: {
        get: () => session.tokens,
        set: (tokens) => {
          session.tokens = tokens;
        },
      },
    });
    session.client = createConnectClient({ baseUrl: options.apiUrl, accessToken: source });
    log("logged in with ConnectID; the tokens stay in the server-side session");
    redirect(response, "/");
  }

  return {
    async route(request, response, origin) {
      const { pathname } = new URL(request.url ?? "/", origin);
      const method = request.method ?? "GET";
      login ??= createConnectIdLogin({
        loginServer: options.loginServer,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        redirectUri: `${origin}/login/callback`,
      });
      if (method === "GET" && pathname === "/login") {
        const { url, pending } = await login.startLogin();
        const session = sessionOf(request) ?? newSession(response);
        session.pending = pending;
        log("login: sending the browser to the login server");
        redirect(response, url);
        return true;
      }
      if (method === "GET" && pathname === "/login/callback") {
        await callback(request, response, origin);
        return true;
      }
      if (method === "POST" && pathname === "/logout") {
        const session = sessionOf(request);
        if (session) {
          delete session.tokens;
          delete session.client;
        }
        redirect(response, "/");
        return true;
      }
      const loggedIn = !!sessionOf(request)?.client;
      if (!loggedIn && method === "GET" && pathname === "/") {
        send(response, 200, loginPage());
        return true;
      }
      if (!loggedIn && method === "POST" && pathname === "/pay") {
        redirect(response, "/");
        return true;
      }
      return false;
    },
    clientFor: (request) => sessionOf(request)?.client,
  };
}

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  response.end(html);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}
