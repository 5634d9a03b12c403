// The security headers of every HTML page the sandbox serves: a Content
// Security Policy that allows only the page's own stylesheet (by its hash, no
// scripts at all) and forbids framing, so no other site can overlay the pay
// page's buttons.
import { createHash } from "node:crypto";

export const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f4f6; color: #111827; }
  .banner { background: #fde68a; padding: .5rem 1rem; text-align: center; font-size: .9rem; }
  main { max-width: 30rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: .75rem; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
  dt { color: #6b7280; }
  dd { margin: 0; }
  .buttons { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: 1.5rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: .5rem; border: 1px solid #d1d5db; background: #fff; cursor: pointer; }
  button.primary { background: #047857; border-color: #047857; color: #fff; }
  details { margin-top: 1rem; color: #6b7280; }
`;

const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": [
    "default-src 'none'",
    `style-src 'sha256-${STYLE_HASH}'`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; "),
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};
