// Every error class oauth4webapi can throw, and fetch's own failure, maps to
// a typed ConnectIdError: `network` only when no answer came back.
import * as oauth from "oauth4webapi";
import { expect, it } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import { fromLoginServer } from "../../src/oauth-errors.js";

const request = (answered: number | undefined, timedOut = false) => ({
  what: "The token endpoint",
  secrets: ["the-secret-value"],
  timedOut,
  answered,
});

const response = (status: number, body = "{}", headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "application/json", ...headers } });

it.each([
  [
    "UnsupportedOperationError",
    new oauth.UnsupportedOperationError("unsupported `token_type` value"),
  ],
  [
    "OperationProcessingError",
    new oauth.OperationProcessingError('"response" body "access_token" property must be a string'),
  ],
  ["a TypeError while reading the body", new TypeError("terminated")],
  ["anything else", { weird: true }],
])("%s after an answer: provider_error with the status", async (_, error) => {
  const mapped = await fromLoginServer(error, request(200));
  expect(mapped).toBeInstanceOf(ConnectIdError);
  expect(mapped.code).toBe("provider_error");
  expect(mapped.status).toBe(200);
  expect(mapped.message).toContain("The token endpoint answered 200");
});

it("ResponseBodyError: invalid_grant, or provider_error with the OAuth error", async () => {
  const body = (error: string) =>
    new oauth.ResponseBodyError("server responded with an error in the response body", {
      cause: { error, error_description: "said the-secret-value" },
      response: response(400),
    });
  const grant = await fromLoginServer(body("invalid_grant"), request(400));
  expect(grant).toMatchObject({ code: "invalid_grant", status: 400 });
  const other = await fromLoginServer(body("invalid_scope"), request(400));
  expect(other).toMatchObject({
    code: "provider_error",
    oauthError: "invalid_scope",
    description: "said [redacted]",
  });
});

it("WWWAuthenticateChallengeError: the body's OAuth error, else the challenge's", async () => {
  const challenge = (body: string, header: string) =>
    new oauth.WWWAuthenticateChallengeError("challenge", {
      cause: [{ scheme: "bearer", parameters: { error: "invalid_token" } }],
      response: response(401, body, { "www-authenticate": header }),
    });
  const withBody = await fromLoginServer(
    challenge('{"error":"invalid_client"}', 'Basic realm="x"'),
    request(401),
  );
  expect(withBody).toMatchObject({ code: "provider_error", oauthError: "invalid_client" });
  const withoutBody = await fromLoginServer(
    challenge("not json", 'Bearer error="invalid_token"'),
    request(401),
  );
  expect(withoutBody).toMatchObject({ oauthError: "invalid_token", status: 401 });
  const grant = await fromLoginServer(
    challenge('{"error":"invalid_grant"}', 'Basic realm="x"'),
    request(401),
  );
  expect(grant.code).toBe("invalid_grant");
});

it("no answer: network, with fetch's reason; timeout when the time ran out", async () => {
  const refused = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
  expect(await fromLoginServer(refused, request(undefined))).toMatchObject({
    code: "network",
    message: "The token endpoint could not be reached (ECONNREFUSED)",
  });
  expect((await fromLoginServer(new TypeError("x"), request(undefined))).message).toBe(
    "The token endpoint could not be reached",
  );
  expect(
    await fromLoginServer(new DOMException("t", "TimeoutError"), request(undefined, true)),
  ).toMatchObject({ code: "timeout" });
});

it("a ConnectIdError passes through unchanged", async () => {
  const own = new ConnectIdError("login_required", "log in");
  expect(await fromLoginServer(own, request(undefined))).toBe(own);
});
