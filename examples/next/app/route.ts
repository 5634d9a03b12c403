// GET /: the account page (a route handler here; in your app, a page component).
import { OPEN_INVOICE } from "../lib/invoice.js";
import { homePage } from "../lib/pages.js";
import { html, sessionOf } from "../lib/session.js";

export function GET(request: Request): Response {
  return html(homePage(sessionOf(request).tokenSource !== undefined, OPEN_INVOICE));
}
