// startLogin() and tokenSource() check their own options: the scope asked
// for, and every option name, each refused with the exact rule it breaks.
import { describe, expect, it } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { stubLogin } from "../helpers/stub.js";

async function startError(options: unknown): Promise<ConnectIdError> {
  const { login, sent } = stubLogin();
  const error = await rejectionOf(login.startLogin(options as never));
  expect(error).toBeInstanceOf(ConnectIdError);
  expect(sent).toHaveLength(0);
  return error as ConnectIdError;
}

describe("startLogin's scope", () => {
  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["a number", 5],
  ])("%s is refused, naming the rule", async (_, scope) => {
    const error = await startError({ scope });
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([{ field: "scope", message: "must be a non-empty string" }]);
    expect(error.message).toBe("Invalid startLogin options: scope must be a non-empty string");
  });

  it("a given scope is the one asked for", async () => {
    const { login } = stubLogin();
    const { url } = await login.startLogin({ scope: "read write" });
    expect(new URL(url).searchParams.get("scope")).toBe("read write");
  });

  it("null options are no options: the configured scope is asked for", async () => {
    const { login } = stubLogin(undefined, { scope: "read" });
    const { url } = await login.startLogin(null as never);
    expect(new URL(url).searchParams.get("scope")).toBe("read");
  });

  it("an unknown option is named with where it does not belong", async () => {
    const error = await startError({ scope: "read", scpoe: "read" });
    expect(error.issues).toEqual([{ field: "scpoe", message: "is not an option of startLogin" }]);
    expect(error.message).toBe("Invalid startLogin options: scpoe is not an option of startLogin");
  });
});

describe("tokenSource's options", () => {
  it("an unknown option is named with where it does not belong", () => {
    const { login } = stubLogin();
    let caught: unknown;
    try {
      login.tokenSource({ store: { get: () => undefined, set: () => {} }, stroe: 1 } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectIdError);
    expect(caught).toMatchObject({
      code: "invalid_input",
      issues: [{ field: "stroe", message: "is not an option of tokenSource" }],
      message: "Invalid tokenSource options: stroe is not an option of tokenSource",
    });
  });
});
