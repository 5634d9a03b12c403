// A POST from another site is refused: the session cookie is SameSite=Lax
// (not sent on cross-site POSTs), and a browser that says where a form came
// from (Origin, Sec-Fetch-Site) is checked as well. Every page refuses to be
// framed, so no other site can trick a customer into pressing "Pay".
import type { Context } from "hono";

export function pageSecurity(publicOrigin: string) {
  const expected = new URL(publicOrigin).origin;
  return async (c: Context, next: () => Promise<void>) => {
    if (c.req.method === "POST") {
      const site = c.req.header("sec-fetch-site");
      const origin = c.req.header("origin");
      const crossSite =
        (site !== undefined && site !== "same-origin" && site !== "none") ||
        (origin !== undefined && origin !== expected);
      if (crossSite) return c.text("This form must be sent from this site.", 403);
    }
    await next();
    c.header("content-security-policy", "frame-ancestors 'none'");
    c.header("x-frame-options", "DENY");
  };
}
