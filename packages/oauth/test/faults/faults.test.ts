// What the token endpoint can do wrong besides an OAuth error: never answer,
// answer with something that is not a token, not be there at all.
import { afterEach, expect, it } from "vitest";
import { ConnectIdError, createConnectIdLogin } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { closedPortUrl, startFakeLoginServer, type FakeLoginServer } from "../helpers/server.js";

let server: FakeLoginServer | undefined;
afterEach(() => server?.close());

const options = (loginServer: string, timeoutMs = 30_000) => ({
  loginServer,
  clientId: "no.mediaconnect.test",
  clientSecret: "fault-secret-value",
  redirectUri: "http://127.0.0.1/callback",
  timeoutMs,
});

it("timeout when the token endpoint never answers", async () => {
  server = await startFakeLoginServer(() => {});
  const login = createConnectIdLogin(options(server.url, 200));
  // The code says the 200 ms timer ended the wait (the server never answers);
  // no bound on elapsed time, which a loaded machine could break.
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error).toBeInstanceOf(ConnectIdError);
  expect(error.code).toBe("timeout");
});

it("network when nothing listens", async () => {
  const login = createConnectIdLogin(options(await closedPortUrl()));
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error.code).toBe("network");
  expect(error.message).toContain("ECONNREFUSED");
});

it.each([
  { what: "HTML", status: 200, type: "text/html", body: "<h1>Welcome</h1>" },
  {
    what: "JSON without access_token",
    status: 200,
    type: "application/json",
    body: '{"token_type":"Bearer"}',
  },
  { what: "a 500 page", status: 500, type: "text/plain", body: "oops" },
])("provider_error when the token endpoint answers $what", async ({ status, type, body }) => {
  server = await startFakeLoginServer((response) => {
    response.writeHead(status, { "content-type": type });
    response.end(body);
  });
  const login = createConnectIdLogin(options(server.url));
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error.code).toBe("provider_error");
  expect(server.tokenRequests).toBe(1);
});

it("provider_error with the RFC 6749 error of any other OAuth error response", async () => {
  server = await startFakeLoginServer((response) => {
    response.writeHead(400, { "content-type": "application/json" });
    response.end(
      JSON.stringify({ error: "unauthorized_client", error_description: "not for you" }),
    );
  });
  const login = createConnectIdLogin(options(server.url));
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error).toMatchObject({
    code: "provider_error",
    oauthError: "unauthorized_client",
    description: "not for you",
    status: 400,
  });
});
