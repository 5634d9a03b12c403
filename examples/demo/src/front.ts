// The load balancer in front of the merchant's processes: each request goes to
// the next process in turn (round robin, never sticky), so one customer's
// consecutive requests land on different processes. What lets them share a
// customer is the state in Redis, not the front.
import { createServer, request as forward, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Front {
  /** Where customers reach the shop, `http://127.0.0.1:<port>`. */
  url: string;
  /** The processes' addresses, in the order they take turns. */
  setTargets(targets: string[]): void;
  close(): Promise<void>;
}

/** Listens on `port` (0: a free one); forwards once {@link Front.setTargets} gave the processes. */
export async function startFront(port: number, log: (line: string) => void): Promise<Front> {
  let targets: URL[] = [];
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    if (targets.length === 0) {
      outgoing.writeHead(503, { "content-type": "text/plain" }).end("Starting; try again.");
      return;
    }
    const index = next++ % targets.length;
    const target = targets[index]!;
    const upstream = forward(
      target,
      { method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        // The path only: a query can carry an authorization code.
        const path = (incoming.url ?? "/").split("?")[0];
        log(`${incoming.method} ${path} → process ${index + 1} answered ${answer.statusCode}`);
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", (error) => {
      log(`process ${index + 1} did not answer (${error.name})`);
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end("The shop could not answer; try again.");
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setTargets: (urls) => {
      targets = urls.map((url) => new URL(url));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
