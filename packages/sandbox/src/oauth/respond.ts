// Responses of the login server: pages that no one may frame, and RFC 6749 errors.
import type { ServerResponse } from "node:http";
import { sendJson } from "../http.js";

export function sendPage(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    // A sign-in page must not be framed (clickjacking); it needs no script. No form-action:
    // browsers apply it to the redirect back to the merchant after the form.
    "content-security-policy":
      "frame-ancestors 'none'; default-src 'none'; style-src 'unsafe-inline'",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
  });
  response.end(html);
}

/** An RFC 6749 section 5.2 error response from the token endpoint. */
export function sendOAuthError(
  response: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendJson(
    response,
    status,
    { error, error_description: description },
    { "cache-control": "no-store", pragma: "no-cache", ...headers },
  );
}

/** Adds parameters to a redirect URI, keeping its own query. */
export function withParams(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.href;
}
