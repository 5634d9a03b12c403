// A POST from another site is refused: the session cookie is SameSite=Lax
// (not sent on cross-site POSTs), and a browser that says where a form came
// from (Origin, Sec-Fetch-Site) is checked as well. (In a Next app, a
// middleware.ts can do this once for every route.)
import { shop } from "./config.js";

/** A 403 for a cross-site POST; `undefined` when the request may go on. */
export function refuseCrossSite(request: Request): Response | undefined {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const expected = new URL(shop().config.publicOrigin).origin;
  const crossSite =
    (site !== null && site !== "same-origin" && site !== "none") ||
    (origin !== null && origin !== expected);
  return crossSite
    ? new Response("This form must be sent from this site.", { status: 403 })
    : undefined;
}
