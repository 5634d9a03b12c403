// The HTTP server under the routes: refuses foreign Host names (DNS
// rebinding), dispatches by path, and turns a route's crash into a 500.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { refuseHost } from "./host-check.js";
import { sendJson } from "./http.js";

/** A handler of one path; `path` is the full path, `*` at the end matches the rest. */
export interface MountedRoute {
  path: string;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> | void;
}

export interface ServerOptions {
  routes: MountedRoute[];
  hostAllowed: (request: IncomingMessage) => boolean;
  /** The server's own origin, the base of every request's URL once listening. */
  origin: () => string;
  log: (line: string) => void;
}

export function createRoutingServer({ routes, hostAllowed, origin, log }: ServerOptions): Server {
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request)) return refuseHost(request, response);
    // Only the path of the request target counts; its host part is never trusted.
    const url = new URL(`${origin()}${request.url?.startsWith("/") ? request.url : "/"}`);
    for (const candidate of routes) {
      const matches = candidate.path.endsWith("*")
        ? url.pathname.startsWith(candidate.path.slice(0, -1))
        : url.pathname === candidate.path;
      if (matches) return candidate.handle(request, response, url);
    }
    sendJson(response, 404, { error: "not_found", path: url.pathname });
  }

  return createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: "sandbox_internal_error" });
      else response.end();
    });
  });
}

/** Listens on `host:port`; gives the origin, e.g. `http://127.0.0.1:4010`. */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}
