// GET /back-office and POST /back-office/confirm: the staff's page. A staff
// page needs a staff login; this demo has none, so it answers only when both
// the shop's origin and the request's Host are loopback (a page on another
// site cannot reach it by a DNS name), and the confirm takes the page's CSRF
// token like every form of the shop.
import type { IncomingMessage, ServerResponse } from "node:http";
import { backOfficeForbiddenPage, backOfficePage } from "./back-office-pages.js";
import type { BackOffice, BackOfficeRecords } from "./back-office.js";
import { isLoopback, isLoopbackHost } from "./loopback.js";
import { notFoundPage } from "./pages.js";
import { csrfTokenMatches, type Session } from "./session.js";

/** What the back office needs of the shop's sessions (session.ts), kept in memory or in a shared store. */
export interface BackOfficeSessions {
  find(request: IncomingMessage): Session | undefined | Promise<Session | undefined>;
  ensure(request: IncomingMessage, response: ServerResponse): Session | Promise<Session>;
}

/** What the merchant hands the back office's routes. */
export interface BackOfficeRouteContext {
  /** The request's URL, starting with the shop's public origin. */
  url: URL;
  sessions: BackOfficeSessions;
  readForm(): Promise<URLSearchParams>;
  /** The shop's security headers, sent with every response. */
  headers: Record<string, string>;
}

export interface BackOfficeRoutesOptions {
  backOffice: BackOffice;
  records: BackOfficeRecords;
  log?: (line: string) => void;
}

/** Answers the back office's two routes; `false` leaves any other request to the merchant. */
export function backOfficeRoutes(options: BackOfficeRoutesOptions) {
  const log = options.log ?? (() => {});
  const { backOffice, records } = options;

  return async function route(
    request: IncomingMessage,
    response: ServerResponse,
    context: BackOfficeRouteContext,
  ): Promise<boolean> {
    const { pathname } = context.url;
    const method = request.method ?? "GET";
    const page = method === "GET" && pathname === "/back-office";
    const confirm = method === "POST" && pathname === "/back-office/confirm";
    if (!page && !confirm) return false;
    const send = (status: number, html: string) => {
      response.writeHead(status, {
        ...context.headers,
        "content-type": "text/html; charset=utf-8",
      });
      response.end(html);
    };
    if (!isLoopback(context.url.hostname) || !isLoopbackHost(request.headers.host)) {
      log(`${method} ${pathname} refused: the back office answers only on a loopback address`);
      send(404, notFoundPage());
      return true;
    }
    const session = await context.sessions.ensure(request, response);
    const data = async () => ({
      unconfirmed: await records.unconfirmed(),
      granted: await records.grants(),
      csrfToken: session.csrfToken,
    });
    if (page) {
      send(200, backOfficePage(await data()));
      return true;
    }
    const form = await context.readForm();
    if (
      request.headers["sec-fetch-site"] === "cross-site" ||
      !csrfTokenMatches(await context.sessions.find(request), form.get("csrfToken"))
    ) {
      log("POST /back-office/confirm refused: no valid CSRF token");
      send(403, backOfficeForbiddenPage());
      return true;
    }
    const run = await backOffice.run();
    send(200, backOfficePage({ ...(await data()), run }));
    return true;
  };
}
