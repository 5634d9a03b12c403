// The sandbox's HTTP server under its routes: a path no route takes, a request
// target that is not a path, a route's exact path against a longer one, a port
// already taken, and an IPv6 listen address.
import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const origin = () => new URL(sandbox.apiUrl).origin;

describe("the server's own answers", () => {
  it("names a path no route takes", async () => {
    const response = await fetch(`${origin()}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", path: "/nowhere" });
  });

  it("reads a request target that is not a path as `/`, never trusting its host", async () => {
    for (const target of ["*", "http://evil.test/_sandbox/transactions"]) {
      const response = await rawTarget(target);
      expect(response.status, target).toBe(404);
      expect(JSON.parse(response.body), target).toEqual({ error: "not_found", path: "/" });
    }
  });

  it("matches a route's exact path, not a longer one", async () => {
    const tokenUrl = `${sandbox.loginServer}/oauth/token`;
    expect((await fetch(`${tokenUrl}x`, { method: "POST" })).status).toBe(404);
    expect((await fetch(tokenUrl, { method: "POST" })).status).not.toBe(404);
  });

  it("refuses to start on a port already taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      taken.close();
    }
  });

  it("names an IPv6 address in brackets", async () => {
    const six = await startSandbox({ host: "::1" }).catch(() => undefined);
    if (!six) return expect(six).toBeUndefined(); // no IPv6 loopback on this machine
    try {
      expect(six.apiUrl).toMatch(/^http:\/\/\[::1\]:\d+\//);
      expect((await fetch(`${six.controlUrl}/transactions`)).status).toBe(200);
    } finally {
      await six.close();
    }
  });
});

/** One request with this exact request target, over a plain socket. */
async function rawTarget(target: string) {
  const { hostname, port } = new URL(origin());
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString("utf8")));
    socket.on("end", () => {
      const [head = "", body = ""] = text.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), body });
    });
    socket.on("error", reject);
    socket.write(
      `GET ${target} HTTP/1.0\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`,
    );
  });
}
