// A token response that arrived but is not a Bearer token set is the
// provider's error, naming what was wrong; `network` only when nothing came back.
import { expect, it } from "vitest";
import type { ConnectIdError } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { stubLogin, tokenAnswer } from "../helpers/stub.js";

it.each(["mac", "DPoP", "N_A"])("token_type %s: provider_error naming token_type", async (type) => {
  const { login, sent } = stubLogin(tokenAnswer({ token_type: type }));
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error.code).toBe("provider_error");
  expect(error.message).toContain("token_type");
  expect(error.status).toBe(200);
  expect(sent).toHaveLength(1);
});

it.each(["Bearer", "bearer", "BEARER"])("token_type %s is accepted", async (type) => {
  const { login } = stubLogin(tokenAnswer({ token_type: type }));
  await expect(login.refresh("a-refresh-token")).resolves.toHaveProperty(
    "accessToken",
    "stub-access-token",
  );
});

it.each([
  ["no token_type", { token_type: undefined }, "token_type"],
  ["expires_in that is not a number", { expires_in: "soon" }, "expires_in"],
  ["a refresh_token that is not a string", { refresh_token: 5 }, "refresh_token"],
])("%s: provider_error naming the field", async (_, extra, field) => {
  const { login } = stubLogin(tokenAnswer(extra));
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error.code).toBe("provider_error");
  expect(error.message).toContain(field);
});

it("a body that cannot be read after the answer came is provider_error, not network", async () => {
  const { login } = stubLogin(tokenAnswer(), {
    fetch: async () => {
      const body = new ReadableStream({
        pull(controller) {
          controller.error(new TypeError("terminated"));
        },
      });
      return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  const error = (await rejectionOf(login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error.code).toBe("provider_error");
  expect(error.status).toBe(200);
});

it("an ID token is checked against the configured issuer", async () => {
  const issuer = "https://issuer.example";
  const idToken = (iss: string) =>
    [
      btoa(JSON.stringify({ alg: "RS256", typ: "JWT" })),
      btoa(
        JSON.stringify({
          iss,
          aud: "shop.example",
          sub: "kari",
          iat: Math.floor(Date.now() / 1000),
          exp: Math.floor(Date.now() / 1000) + 600,
        }),
      ),
      "c2lnbmF0dXJl",
    ]
      .join(".")
      .replaceAll("=", "")
      .replaceAll("+", "-")
      .replaceAll("/", "_");
  const own = stubLogin(tokenAnswer({ id_token: idToken(issuer), scope: "openid" }), { issuer });
  await expect(own.login.refresh("a-refresh-token")).resolves.toHaveProperty("accessToken");
  const foreign = stubLogin(tokenAnswer({ id_token: idToken("https://evil.example") }), {
    issuer,
  });
  const error = (await rejectionOf(foreign.login.refresh("a-refresh-token"))) as ConnectIdError;
  expect(error.code).toBe("provider_error");
  expect(error.message).toContain("iss");
});
