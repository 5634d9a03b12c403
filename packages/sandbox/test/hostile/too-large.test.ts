// A body past 64 KiB gets 413, and the connection it came on is closed with
// `Connection: close`, so a keep-alive client's next request goes out on a
// fresh connection instead of dying with ECONNRESET.
import { Agent } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { rawRequest } from "./helpers.js";
import { PAY_INVOICE_PATH } from "../../../../openapi/fixtures.mjs";

let sandbox: Sandbox;
let agent: Agent;
beforeAll(async () => {
  sandbox = await startSandbox();
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
});
afterAll(async () => {
  agent.destroy();
  await sandbox.close();
});

const large = Buffer.alloc(200 * 1024, "x");

describe("413 on a keep-alive connection", () => {
  it.each([
    ["the API", () => `${sandbox.apiUrl}${PAY_INVOICE_PATH}`, "application/json", true],
    ["the control path", () => `${sandbox.controlUrl}/sign-in`, "application/json", false],
    [
      "the token endpoint",
      () => `${sandbox.loginServer}/oauth/token`,
      "application/x-www-form-urlencoded",
      false,
    ],
    [
      "the sign-in form",
      () => `${sandbox.loginServer}/oauth/authorize`,
      "application/x-www-form-urlencoded",
      false,
    ],
  ])(
    "%s answers 413 with Connection: close; the next request works",
    async (_, url, type, bearer) => {
      const token = sandbox.signIn().accessToken;
      for (let round = 0; round < 3; round++) {
        const refused = await rawRequest(url(), {
          method: "POST",
          agent,
          headers: {
            "content-type": type,
            ...(bearer ? { authorization: `Bearer ${token}` } : {}),
          },
          body: large,
        });
        expect(refused.status).toBe(413);
        expect(refused.headers.connection).toBe("close");
        const next = await rawRequest(`${sandbox.controlUrl}/transactions`, { agent });
        expect(next.status).toBe(200);
      }
    },
  );
});
