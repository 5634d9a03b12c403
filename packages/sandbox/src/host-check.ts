// DNS rebinding: a web page can point its own name at 127.0.0.1 and then call
// the sandbox from the browser as a same-origin request. The Host header still
// carries the page's name, so only loopback names and names the sandbox was
// told about are answered.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./http.js";

const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** A host name or an IP literal, as allowedHosts takes it (no port, no scheme). */
const HOST_NAME =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/i;

export function isHostName(value: unknown): value is string {
  return typeof value === "string" && value.length <= 253 && HOST_NAME.test(value);
}

/** `localhost`, 127.0.0.0/8 or `[::1]`. */
export function isLoopbackName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === "localhost" || lower === "[::1]") return true;
  const octets = IPV4_LOOPBACK.exec(lower);
  return !!octets && octets.slice(1).every((octet) => Number(octet) <= 255);
}

/** The name part of a Host header: `[::1]:80` → `[::1]`, `Example:80` → `example`. */
export function hostName(header: string): string {
  const lower = header.trim().toLowerCase();
  if (lower.startsWith("[")) {
    const end = lower.indexOf("]");
    return end === -1 ? lower : lower.slice(0, end + 1);
  }
  const colon = lower.lastIndexOf(":");
  return colon === -1 ? lower : lower.slice(0, colon);
}

/**
 * A check of the Host header: true for loopback names, the configured listen
 * host and `allowedHosts`; false for anything else, a missing Host included.
 */
export function createHostCheck(
  listenHost: string,
  allowedHosts: readonly string[],
): (request: IncomingMessage) => boolean {
  const configured = new Set([listenHost, ...allowedHosts].map((name) => hostName(bracket(name))));
  return (request) => {
    const header = request.headers.host;
    if (!header) return false;
    const name = hostName(header);
    return isLoopbackName(name) || configured.has(name);
  };
}

/** 421 Misdirected Request (RFC 9110 15.5.20), with the control path's `{ error, message }`. */
export function refuseHost(request: IncomingMessage, response: ServerResponse): void {
  const shown = JSON.stringify((request.headers.host ?? "").slice(0, 100));
  sendJson(response, 421, {
    error: "misdirected_request",
    message: `Host ${shown} is not a name of this sandbox: use 127.0.0.1, localhost or [::1], or list the name in allowedHosts`,
  });
}

/** The warning for a listen host other machines may reach; undefined for loopback. */
export function exposureWarning(listenHost: string): string | undefined {
  if (isLoopbackName(hostName(bracket(listenHost)))) return undefined;
  return `warning: host ${listenHost} is not loopback: other machines may reach this sandbox, whose control path and login server need no credential`;
}

/** An IPv6 literal as it appears in a Host header. */
function bracket(name: string): string {
  return name.includes(":") && !name.startsWith("[") ? `[${name}]` : name;
}
