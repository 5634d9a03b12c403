// The shop on Node: `serve` from @hono/node-server, as in your own server file.
import { serve, type ServerType } from "@hono/node-server";
import { createShop } from "./app.js";
import type { ShopConfig } from "./config.js";

/** Listens on 127.0.0.1; `port` 0 picks a free one. */
export function serveShop(config: ShopConfig, port: number): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: createShop(config).fetch, port, hostname: "127.0.0.1" }, () =>
      resolve(server),
    );
  });
}
