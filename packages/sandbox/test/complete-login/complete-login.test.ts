// completeLogin(): the sign-in page answered over HTTP, as a browser would,
// so a test can drive a merchant's own login routes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PAY_PAGE_PATH } from "@connect-payment/redirect";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  completeLogin,
  DEFAULT_OAUTH_CLIENT,
  SANDBOX_CUSTOMERS,
  SandboxControlError,
  startSandbox,
  type Sandbox,
} from "../../src/index.js";
import { authorizeUrl, basic, REDIRECT_URI, tokenRequest } from "../oauth/helpers.js";

let sandbox: Sandbox;
let notSandbox: Server;
let notSandboxUrl: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  // Any other server that happens to answer on an /oauth/authorize path.
  notSandbox = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><p>Some other login page</p>");
  });
  await new Promise<void>((resolve) => notSandbox.listen(0, "127.0.0.1", resolve));
  notSandboxUrl = `http://127.0.0.1:${(notSandbox.address() as AddressInfo).port}/oauth/authorize`;
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => notSandbox.close(resolve));
});

const params = {
  response_type: "code",
  client_id: DEFAULT_OAUTH_CLIENT.clientId,
  redirect_uri: REDIRECT_URI,
  scope: "read",
  state: "state-123",
};
const auth = {
  authorization: basic(DEFAULT_OAUTH_CLIENT.clientId, DEFAULT_OAUTH_CLIENT.clientSecret),
};

describe("completeLogin", () => {
  it("returns the redirect_uri with a code the token endpoint takes, and the state", async () => {
    const callback = new URL(await completeLogin(authorizeUrl(sandbox, params)));
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI.split("?")[0]);
    expect(callback.searchParams.get("shop")).toBe("1");
    expect(callback.searchParams.get("state")).toBe("state-123");
    const code = callback.searchParams.get("code");
    expect(code).toBeTruthy();

    const token = await tokenRequest(
      sandbox,
      { grant_type: "authorization_code", code: code!, redirect_uri: REDIRECT_URI },
      auth,
    );
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    expect(access_token).toBeTruthy();
  });

  it("signs in the customer asked for", async () => {
    const lines: string[] = [];
    const logged = await startSandbox({ log: (line) => lines.push(line) });
    try {
      await completeLogin(new URL(authorizeUrl(logged, params)), { customer: "ola" });
      expect(lines.some((line) => line.includes("ola logged in"))).toBe(true);
    } finally {
      await logged.close();
    }
  });

  it('answers "Deny" with access_denied and the state', async () => {
    const callback = new URL(
      await completeLogin(authorizeUrl(sandbox, params), { decision: "deny" }),
    );
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe("state-123");
    expect(callback.searchParams.has("code")).toBe(false);
  });

  it("returns the error redirect a bad request gets at once (a scope the server lacks)", async () => {
    const callback = new URL(
      await completeLogin(authorizeUrl(sandbox, { ...params, scope: "write" })),
    );
    expect(callback.searchParams.get("error")).toBe("invalid_scope");
  });

  it("rejects an unknown client with the page's reason", async () => {
    const url = authorizeUrl(sandbox, { ...params, client_id: "someone.else" });
    await expect(completeLogin(url)).rejects.toThrow(SandboxControlError);
    await expect(completeLogin(url)).rejects.toThrow(/client_id is missing or unknown/);
  });

  it("rejects a page that is not the sandbox's sign-in page", async () => {
    await expect(completeLogin(`${notSandboxUrl}?client_id=x`)).rejects.toThrow(
      /did not open a sign-in page \(HTTP 200\): not the sandbox's sign-in page/,
    );
  });

  it("sends nothing for a customer, decision or URL that cannot be right", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const url = authorizeUrl(sandbox, params);
    const known = SANDBOX_CUSTOMERS.map(({ id }) => id).join(", ");
    await expect(completeLogin(url, { customer: "nobody", fetch })).rejects.toThrow(
      `customer must be one of ${known}`,
    );
    await expect(completeLogin(url, { decision: "maybe" as "allow", fetch })).rejects.toThrow(
      /decision must be/,
    );
    await expect(completeLogin("/oauth/authorize", { fetch })).rejects.toThrow(
      "authorizationUrl must be an absolute URL",
    );
    await expect(
      completeLogin(`${sandbox.loginServer}${PAY_PAGE_PATH}`, { fetch }),
    ).rejects.toThrow(/\{loginServer\}\/oauth\/authorize/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
