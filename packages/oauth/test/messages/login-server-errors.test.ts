// What a merchant reads when the login server refuses or garbles an answer:
// the code to branch on, the OAuth error and description the server said,
// the status, and a message naming who answered. Complements
// faults/error-classes.test.ts with the fallbacks of a 401 challenge.
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { fromLoginServer } from "../../src/oauth-errors.js";

const request = (answered: number | undefined, timedOut = false) => ({
  what: "The token endpoint",
  secrets: ["the-secret-value"],
  timedOut,
  answered,
});

const response = (status: number, body: string) =>
  new Response(body, { status, headers: { "www-authenticate": 'Basic realm="x"' } });

/** A 401 whose challenge says `parameters`, with `body` as the response body. */
const challenge = (body: string, parameters: Record<string, string> = {}, status = 401) =>
  new oauth.WWWAuthenticateChallengeError("challenge", {
    cause: [{ scheme: "basic", parameters }],
    response: response(status, body),
  });

describe("a body error (RFC 6749 section 5.2)", () => {
  const bodyError = (cause: { error: string; error_description?: string }) =>
    new oauth.ResponseBodyError("server responded with an error in the response body", {
      cause,
      response: response(400, "{}"),
    });

  it("names who answered, the status, the OAuth error and the redacted description", async () => {
    const error = await fromLoginServer(
      bodyError({ error: "invalid_scope", error_description: "no the-secret-value" }),
      request(400),
    );
    expect(error.message).toBe("The token endpoint answered 400 invalid_scope: no [redacted]");
  });

  it("without a description: the OAuth error alone, no dangling colon", async () => {
    const error = await fromLoginServer(bodyError({ error: "invalid_client" }), request(400));
    expect(error).toMatchObject({ code: "provider_error", oauthError: "invalid_client" });
    expect(error.message).toBe("The token endpoint answered 400 invalid_client");
    expect(error.description).toBeUndefined();
  });

  it("an OAuth error that echoes a secret is redacted too", async () => {
    const error = await fromLoginServer(bodyError({ error: "x the-secret-value" }), request(400));
    expect(error.oauthError).toBe("x [redacted]");
    expect(error.message).not.toContain("the-secret-value");
  });
});

describe("a 401 challenge", () => {
  it("a JSON body: its error and description, the status, and who answered", async () => {
    const error = await fromLoginServer(
      challenge('{"error":"invalid_client","error_description":"bad the-secret-value"}'),
      request(401),
    );
    expect(error).toMatchObject({
      code: "provider_error",
      oauthError: "invalid_client",
      description: "bad [redacted]",
      status: 401,
    });
    expect(error.message).toBe("The token endpoint answered 401 invalid_client: bad [redacted]");
  });

  it("a body that is not JSON: the challenge's own error and description", async () => {
    const error = await fromLoginServer(
      challenge("<html>nope</html>", {
        error: "invalid_client",
        error_description: "client unknown",
      }),
      request(401),
    );
    expect(error).toMatchObject({
      oauthError: "invalid_client",
      description: "client unknown",
    });
    expect(error.message).toBe("The token endpoint answered 401 invalid_client: client unknown");
  });

  it("a JSON body without error_description: the challenge's description", async () => {
    const error = await fromLoginServer(
      challenge('{"error":"invalid_client"}', { error_description: "from the header" }),
      request(401),
    );
    expect(error).toMatchObject({ oauthError: "invalid_client", description: "from the header" });
  });

  it("an empty or non-string error in the body: the challenge's", async () => {
    for (const body of [
      '{"error":"","error_description":""}',
      '{"error":7,"error_description":7}',
    ]) {
      const error = await fromLoginServer(
        challenge(body, { error: "invalid_token", error_description: "from the header" }),
        request(401),
      );
      expect(error).toMatchObject({ oauthError: "invalid_token", description: "from the header" });
    }
  });

  it("a JSON body that is not an object (null, a string): the challenge's", async () => {
    for (const body of ["null", '"invalid_grant"', "[]"]) {
      const error = await fromLoginServer(
        challenge(body, { error: "invalid_token" }),
        request(401),
      );
      expect(error.oauthError).toBe("invalid_token");
    }
  });

  it("only the first 4 KiB of the body are read", async () => {
    const long = `{"error":"invalid_client","pad":"${"x".repeat(5000)}"}`;
    const error = await fromLoginServer(challenge(long, { error: "invalid_token" }), request(401));
    expect(error.oauthError).toBe("invalid_token");
  });

  it("a body already read: the challenge's, no TypeError", async () => {
    const used = challenge('{"error":"invalid_client"}', { error: "invalid_token" });
    await used.response.text();
    const error = await fromLoginServer(used, request(401));
    expect(error.oauthError).toBe("invalid_token");
  });

  it("no error anywhere: says a challenge came, provider_error, no OAuth error", async () => {
    const error = await fromLoginServer(challenge("not json"), request(401));
    expect(error.code).toBe("provider_error");
    expect(error.oauthError).toBeUndefined();
    expect(error.description).toBeUndefined();
    expect(error.message).toBe("The token endpoint answered 401 with a WWW-Authenticate challenge");
  });

  it("a challenge error without parsed challenges: still a typed error, no TypeError", async () => {
    const bare = new oauth.WWWAuthenticateChallengeError("challenge", {
      cause: [],
      response: response(401, "not json"),
    });
    const error = await fromLoginServer(bare, request(401));
    expect(error).toMatchObject({ code: "provider_error", status: 401 });
    expect(error.oauthError).toBeUndefined();
    expect(error.description).toBeUndefined();
  });

  it("invalid_grant in the challenge alone is invalid_grant; anything else is not", async () => {
    const grant = await fromLoginServer(challenge("", { error: "invalid_grant" }), request(401));
    expect(grant.code).toBe("invalid_grant");
    const other = await fromLoginServer(challenge("", { error: "invalid_token" }), request(401));
    expect(other.code).toBe("provider_error");
  });

  it("a secret echoed in the challenge is redacted", async () => {
    const error = await fromLoginServer(
      challenge("", { error: "e the-secret-value", error_description: "d the-secret-value" }),
      request(401),
    );
    expect(error.oauthError).toBe("e [redacted]");
    expect(error.description).toBe("d [redacted]");
  });
});

describe("an answer that is not as the standard says", () => {
  it("names who answered, the status, and what oauth4webapi found broken (redacted)", async () => {
    const error = await fromLoginServer(
      new oauth.OperationProcessingError('"access_token" must be a string, not the-secret-value'),
      request(200),
    );
    expect(error.message).toBe(
      'The token endpoint answered 200 but not as the standard says: "access_token" must be a string, not [redacted]',
    );
  });

  it("an error of another kind is 'unreadable', its own text kept out", async () => {
    const error = await fromLoginServer(new RangeError("the-secret-value inside"), request(502));
    expect(error).toMatchObject({ code: "provider_error", status: 502 });
    expect(error.message).toBe(
      "The token endpoint answered 502 but not as the standard says: unreadable",
    );
  });

  it("timed out wins over an answer that came: timeout, naming who", async () => {
    const error = await fromLoginServer(new TypeError("terminated"), request(200, true));
    expect(error).toMatchObject({
      code: "timeout",
      message: "The token endpoint did not answer in time",
    });
  });

  it("no answer and a cause without a string code: network, no reason in brackets", async () => {
    const error = await fromLoginServer(
      new TypeError("fetch failed", { cause: { code: 7 } }),
      request(undefined),
    );
    expect(error).toMatchObject({
      code: "network",
      message: "The token endpoint could not be reached",
    });
    expect((await fromLoginServer(undefined, request(undefined))).code).toBe("network");
  });
});
