// Discovery is opt-in and read once: RFC 8414 or OpenID Connect metadata
// gives the endpoints; explicit endpoints win; metadata that points at plain
// http off loopback, or names another issuer, is refused before any login.
import { expect, it } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { stubLogin, tokenAnswer, type Sent } from "../helpers/stub.js";

const issuer = "https://login.example";

function metadataServer(metadata: Record<string, unknown>) {
  return (sent: Sent) =>
    sent.url.includes("/.well-known/") ? { body: { issuer, ...metadata } } : tokenAnswer();
}

const endpoints = {
  authorization_endpoint: "https://login.example/connect/authorize",
  token_endpoint: "https://login.example/connect/token",
};

it.each([
  ["oauth2", "https://login.example/.well-known/oauth-authorization-server"],
  ["oidc", "https://login.example/.well-known/openid-configuration"],
] as const)("%s: the metadata at %s gives the endpoints, read once", async (discovery, at) => {
  const { login, sent } = stubLogin(metadataServer(endpoints), { issuer, discovery });
  const { url, pending } = await login.startLogin();
  expect(url.startsWith(`${endpoints.authorization_endpoint}?`)).toBe(true);
  await login.finishLogin(`https://shop.example/callback?code=c&state=${pending.state}`, pending);
  await login.refresh("a-refresh-token");
  expect(sent.map((one) => one.url)).toEqual([
    at,
    endpoints.token_endpoint,
    endpoints.token_endpoint,
  ]);
});

it("an explicit endpoint wins over the metadata", async () => {
  const { login, sent } = stubLogin(metadataServer(endpoints), {
    issuer,
    discovery: "oauth2",
    tokenEndpoint: "https://tokens.example/token",
  });
  await login.refresh("a-refresh-token");
  expect(sent.at(-1)?.url).toBe("https://tokens.example/token");
});

it.each([
  ["a plain http token endpoint", { ...endpoints, token_endpoint: "http://login.example/t" }],
  ["no authorization endpoint", { token_endpoint: endpoints.token_endpoint }],
  ["another issuer", { ...endpoints, issuer: "https://evil.example" }],
])("metadata with %s: provider_error, no token request", async (_, metadata) => {
  const { login, sent } = stubLogin(metadataServer(metadata), { issuer, discovery: "oauth2" });
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error).toBeInstanceOf(ConnectIdError);
  expect(error.code).toBe("provider_error");
  expect(sent.filter((one) => !one.url.includes("/.well-known/"))).toHaveLength(0);
});

it("a failed read is not kept: the next call reads again", async () => {
  let answers = 0;
  const { login } = stubLogin(
    (sent) => {
      if (!sent.url.includes("/.well-known/")) return tokenAnswer();
      answers++;
      return answers === 1 ? { status: 503, body: "down" } : { body: { issuer, ...endpoints } };
    },
    { issuer, discovery: "oauth2" },
  );
  expect(await rejectionOf(login.startLogin())).toMatchObject({ code: "provider_error" });
  await expect(login.startLogin()).resolves.toHaveProperty("url");
  expect(answers).toBe(2);
});
