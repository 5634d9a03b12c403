// Small helpers over node:http, so each route reads as what it answers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { PAGE_SECURITY_HEADERS } from "./page-security.js";

/** Bodies beyond this are refused: the real ones are a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {}

/**
 * The body as text; rejects with `BodyTooLargeError` past 64 KiB. The rest of
 * such a body is read and thrown away (resetting the connection could lose the
 * answer), and the answer carries `Connection: close`, so a keep-alive client
 * opens a fresh connection for its next request.
 */
export function readBody(request: IncomingMessage, response: ServerResponse): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off("data", onData);
      request.resume();
      response.shouldKeepAlive = false;
      response.setHeader("connection", "close");
      reject(new BodyTooLargeError());
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
  });
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    ...PAGE_SECURITY_HEADERS,
    "content-type": "text/html; charset=utf-8",
  });
  response.end(html);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { ...PAGE_SECURITY_HEADERS, location });
  response.end();
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
