// A POST from another site is refused: the session cookie is SameSite=Lax
// (not sent on cross-site POSTs), and a browser that says where a form came
// from (Origin, Sec-Fetch-Site) is checked as well. Every page refuses to be
// framed, so no other site can trick a customer into pressing "Pay".
import type { NextFunction, Request, Response } from "express";

export function pageSecurity(publicOrigin: string) {
  return function guard(request: Request, response: Response, next: NextFunction): void {
    response.setHeader("content-security-policy", "frame-ancestors 'none'");
    response.setHeader("x-frame-options", "DENY");
    if (request.method === "POST" && isCrossSite(request, publicOrigin)) {
      response.status(403).send("This form must be sent from this site.");
      return;
    }
    next();
  };
}

function isCrossSite(request: Request, publicOrigin: string): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.origin;
  return origin !== undefined && origin !== new URL(publicOrigin).origin;
}
