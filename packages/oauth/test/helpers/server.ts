// A tiny login server stand-in for the faults the sandbox never makes:
// answers that hang, answers that are not JSON, a port that is closed.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeLoginServer {
  url: string;
  /** How many token requests arrived. */
  tokenRequests: number;
  close(): Promise<void>;
}

export async function startFakeLoginServer(
  answer: (response: ServerResponse) => void,
): Promise<FakeLoginServer> {
  const server = createServer((request, response) => {
    fake.tokenRequests++;
    request.resume();
    answer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const fake: FakeLoginServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/user`,
    tokenRequests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** A URL on 127.0.0.1 whose port nothing listens on. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/user`;
}
