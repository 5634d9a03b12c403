// The security headers of every page of the shop: a Content Security Policy
// that allows the page's own stylesheet (by hash) and no script, forms only to
// the shop and the login server, and no framing by any site.
import { createHash } from "node:crypto";
import { STYLE } from "./html.js";

const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

export function securityHeaders(loginServerOrigin: string): Record<string, string> {
  return {
    "content-security-policy": [
      "default-src 'none'",
      `style-src 'sha256-${STYLE_HASH}'`,
      // POST /pay answers 303 to the login server; browsers check form redirects too.
      `form-action 'self' ${loginServerOrigin}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join("; "),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
  };
}
