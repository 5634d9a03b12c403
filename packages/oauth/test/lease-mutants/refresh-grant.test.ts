// login.refresh() with each form of input it takes: a token set (whose scope,
// refresh token and access token it keeps or redacts), a bare refresh token,
// and the inputs with no refresh token in them (refused before anything is sent).
import { describe, expect, it } from "vitest";
import { ConnectIdError, type TokenSet } from "../../src/index.js";
import { stubLogin, tokenAnswer } from "../helpers/stub.js";

const HOUR = 3600_000;

/** A token answer with no refresh_token and no scope: "keep what you have". */
function bareAnswer() {
  const answer = tokenAnswer();
  const { refresh_token: _dropped, ...body } = answer.body as Record<string, unknown>;
  return { ...answer, body };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection, got a value");
    },
    (error: unknown) => error,
  );
}

describe("what a refresh keeps", () => {
  it("a bare refresh token, answered without a new one: the tokens keep it", async () => {
    const { login, sent } = stubLogin(bareAnswer());

    const renewed = await login.refresh("the-refresh-token");

    expect(sent).toHaveLength(1);
    expect(new URLSearchParams(sent[0]!.body).get("refresh_token")).toBe("the-refresh-token");
    expect(renewed).toEqual({
      accessToken: "stub-access-token",
      refreshToken: "the-refresh-token",
      expiresAt: expect.any(Number) as number,
    });
  });

  it("a token set, answered without refresh token or scope: the tokens keep both", async () => {
    const { login, sent } = stubLogin(bareAnswer());
    const tokens: TokenSet = {
      accessToken: "old-access-token",
      refreshToken: "old-refresh-token",
      expiresAt: Date.now() - 1,
      scope: "openid phone-number",
    };

    const renewed = await login.refresh(tokens);

    expect(new URLSearchParams(sent[0]!.body).get("refresh_token")).toBe("old-refresh-token");
    expect(renewed).toMatchObject({
      accessToken: "stub-access-token",
      refreshToken: "old-refresh-token",
      scope: "openid phone-number",
    });
  });

  it("the token set's old access token, echoed in the login server's error, is redacted", async () => {
    const { login } = stubLogin({
      status: 400,
      body: {
        error: "invalid_grant",
        error_description: "refresh for old-access-token refused",
      },
    });
    const tokens: TokenSet = {
      accessToken: "old-access-token",
      refreshToken: "old-refresh-token",
      expiresAt: Date.now() + HOUR,
    };

    const error = await rejectionOf(login.refresh(tokens));

    expect(error).toBeInstanceOf(ConnectIdError);
    expect(error).toMatchObject({ code: "invalid_grant", oauthError: "invalid_grant" });
    const { description } = error as ConnectIdError;
    expect(description).toContain("refused");
    expect(description).not.toContain("old-access-token");
  });
});

describe("no refresh token: login_required, nothing sent", () => {
  const noRefreshToken: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["an empty string", ""],
    [
      "a token set with an empty refresh token",
      { accessToken: "a", refreshToken: "", expiresAt: 1 },
    ],
    ["a token set without a refresh token", { accessToken: "a", expiresAt: 1 }],
    [
      "a token set whose refresh token is a number",
      { accessToken: "a", refreshToken: 42, expiresAt: 1 },
    ],
  ];
  it.each(noRefreshToken)("%s", async (_, input) => {
    const { login, sent } = stubLogin();

    const error = await rejectionOf(login.refresh(input as TokenSet));

    expect(error).toBeInstanceOf(ConnectIdError);
    expect(error).toMatchObject({
      code: "login_required",
      message: "There is no refresh token: the customer must log in again",
    });
    expect(sent).toEqual([]);
  });
});
