// GET /payment/error: ConnectID's errorUrl.
import { page } from "../../../lib/pages.js";
import { html } from "../../../lib/session.js";

export function GET(): Response {
  return html(page("The payment could not be started", `<p><a href="/">Back</a></p>`), 502);
}
