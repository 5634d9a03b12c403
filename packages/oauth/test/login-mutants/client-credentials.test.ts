// createClientCredentialsSource(): its option names checked to the message,
// metadata with a token endpoint alone is enough, and a cached token is
// renewed from the millisecond it is no longer fresh (on a fake clock).
import { afterEach, expect, it, vi } from "vitest";
import {
  ConnectIdError,
  createClientCredentialsSource,
  type ClientCredentialsOptions,
} from "../../src/index.js";

const ISSUER = "https://login.example";
const TOKEN_ENDPOINT = `${ISSUER}/connect/token`;

/** A stub fetch: metadata with a token endpoint only, and numbered tokens. */
function stubServer() {
  const urls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(request.url);
    const body = request.url.includes("/.well-known/")
      ? { issuer: ISSUER, token_endpoint: TOKEN_ENDPOINT }
      : { access_token: `token-${urls.length}`, token_type: "Bearer", expires_in: 3600 };
    return Response.json(body);
  };
  return { urls, fetch: fetch as typeof globalThis.fetch };
}

const base = (fetch: typeof globalThis.fetch): ClientCredentialsOptions => ({
  clientId: "shop.example",
  clientSecret: "a-client-secret",
  fetch,
});

afterEach(() => {
  vi.useRealTimers();
});

it("an unknown option is named with where it does not belong", () => {
  let caught: unknown;
  try {
    createClientCredentialsSource({
      ...base(stubServer().fetch),
      tokenEndpoint: TOKEN_ENDPOINT,
      redirectUri: "https://shop.example/callback",
    } as ClientCredentialsOptions);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConnectIdError);
  expect(caught).toMatchObject({
    code: "invalid_config",
    issues: [
      { field: "redirectUri", message: "is not an option of createClientCredentialsSource" },
    ],
    message:
      "Invalid client credentials options: redirectUri is not an option of createClientCredentialsSource",
  });
});

it("discovered metadata without an authorization endpoint is enough", async () => {
  const server = stubServer();
  const source = createClientCredentialsSource({
    ...base(server.fetch),
    issuer: ISSUER,
    discovery: "oauth2",
  });
  expect(await source()).toBe("token-2");
  expect(server.urls).toEqual([`${ISSUER}/.well-known/oauth-authorization-server`, TOKEN_ENDPOINT]);
});

it("the cached token is used until refreshBeforeExpiryMs before expiry, then renewed", async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-01-01T00:00:00Z") });
  const server = stubServer();
  const source = createClientCredentialsSource({
    ...base(server.fetch),
    tokenEndpoint: TOKEN_ENDPOINT,
    refreshBeforeExpiryMs: 60_000,
  });
  expect(await source()).toBe("token-1");
  // expires_in 3600 s: fresh until 60 s before, to the millisecond.
  vi.advanceTimersByTime(3_600_000 - 60_000 - 1);
  expect(await source()).toBe("token-1");
  vi.advanceTimersByTime(1);
  expect(await source()).toBe("token-2");
  expect(server.urls).toHaveLength(2);
});
