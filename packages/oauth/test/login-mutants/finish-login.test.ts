// finishLogin() checks its arguments before anything is sent: the pending
// login must be the one startLogin gave, every option name must exist; and
// an error the callback carries never shows the client secret or verifier.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConnectIdError, type PendingLogin } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { callbackFor, STUB_REDIRECT, stubLogin } from "../helpers/stub.js";

const CALLBACK = `${STUB_REDIRECT}?code=the-code&state=the-state`;

async function finishError(pending: unknown, pkce = true): Promise<ConnectIdError> {
  const { login, sent } = stubLogin(undefined, { pkce });
  const error = await rejectionOf(login.finishLogin(CALLBACK, pending as PendingLogin));
  expect(error).toBeInstanceOf(ConnectIdError);
  expect(sent).toHaveLength(0);
  return error as ConnectIdError;
}

const STATE_ISSUE = { field: "pending.state", message: "must be the state startLogin gave" };
const VERIFIER_ISSUE = {
  field: "pending.codeVerifier",
  message: "must be the verifier startLogin gave",
};

describe("the pending login", () => {
  it("an empty state is refused before anything is sent", async () => {
    const error = await finishError({ state: "", codeVerifier: "a-verifier-of-the-login" });
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([STATE_ISSUE]);
    expect(error.message).toBe(
      "Invalid finishLogin arguments: pending.state must be the state startLogin gave",
    );
  });

  it("an empty verifier is refused when PKCE is on", async () => {
    const error = await finishError({ state: "the-state", codeVerifier: "" });
    expect(error.issues).toEqual([VERIFIER_ISSUE]);
    expect(error.message).toBe(
      "Invalid finishLogin arguments: pending.codeVerifier must be the verifier startLogin gave",
    );
  });

  it("a verifier that is not a string is refused", async () => {
    const error = await finishError({ state: "the-state", codeVerifier: 42 });
    expect(error.issues).toEqual([VERIFIER_ISSUE]);
  });

  it("no pending login at all names both of its fields", async () => {
    const error = await finishError(undefined);
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([STATE_ISSUE, VERIFIER_ISSUE]);
  });

  it("without PKCE no verifier is needed", async () => {
    const { login, sent } = stubLogin(undefined, { pkce: false });
    const { pending } = await login.startLogin();
    const tokens = await login.finishLogin(callbackFor(pending), { state: pending.state });
    expect(tokens.accessToken).toBe("stub-access-token");
    expect(sent).toHaveLength(1);
  });
});

describe("finishLogin's options", () => {
  it("null options are no options", async () => {
    const { login } = stubLogin();
    const { pending } = await login.startLogin();
    const tokens = await login.finishLogin(callbackFor(pending), pending, null as never);
    expect(tokens.accessToken).toBe("stub-access-token");
  });

  it("an unknown option is named with where it does not belong", async () => {
    const { login, sent } = stubLogin();
    const { pending } = await login.startLogin();
    const error = (await rejectionOf(
      login.finishLogin(callbackFor(pending), pending, { expectedOrigni: "x" } as never),
    )) as ConnectIdError;
    expect(error.issues).toEqual([
      { field: "expectedOrigni", message: "is not an option of finishLogin" },
    ]);
    expect(error.message).toBe(
      "Invalid finishLogin arguments: expectedOrigni is not an option of finishLogin",
    );
    expect(sent).toHaveLength(0);
  });
});

describe("an error in the callback", () => {
  it("a description echoing the client secret or the verifier has both redacted", async () => {
    const secret = "stub-client-secret";
    const { login } = stubLogin();
    const { pending } = await login.startLogin();
    const verifier = pending.codeVerifier as string;
    const description = `client_secret=${secret} code_verifier=${verifier}`;
    const callback = callbackFor(
      pending,
      `error=server_error&error_description=${encodeURIComponent(description)}`,
    );
    const error = (await rejectionOf(login.finishLogin(callback, pending))) as ConnectIdError;
    expect(error.code).toBe("provider_error");
    expect(error.description).toBe("client_secret=[redacted] code_verifier=[redacted]");
    const text = inspect(error, { showHidden: true });
    expect(text).not.toContain(secret);
    expect(text).not.toContain(verifier);
  });
});
