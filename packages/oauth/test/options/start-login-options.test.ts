// startLogin's options: an object (or none: undefined or null) whose `scope`,
// when given, is a non-empty string. Anything else is refused before the
// login server is asked.
import { describe, expect, it } from "vitest";
import type { ConnectIdError } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { stubLogin } from "../helpers/stub.js";

describe("startLogin options", () => {
  it("a scope of null is refused, not taken as the configured scope", async () => {
    const { login, sent } = stubLogin();
    const error = (await rejectionOf(login.startLogin({ scope: null } as never))) as ConnectIdError;
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(error.issues).toEqual([{ field: "scope", message: "must be a non-empty string" }]);
    expect(sent).toHaveLength(0);
  });

  it.each([["read"], [["read"]], [42]])(
    "options that are not an object (%j) are refused, naming the options",
    async (options) => {
      const { login, sent } = stubLogin();
      const error = (await rejectionOf(login.startLogin(options as never))) as ConnectIdError;
      expect(error).toMatchObject({ code: "invalid_input" });
      expect(error.issues).toContainEqual({
        field: "options",
        message: "must be an object, e.g. { scope }",
      });
      expect(sent).toHaveLength(0);
    },
  );

  it("an absent scope, or no options, use the configured scope", async () => {
    const { login } = stubLogin();
    for (const started of [
      await login.startLogin(),
      await login.startLogin({ scope: undefined } as never),
    ]) {
      expect(new URL(started.url).searchParams.get("scope")).toBeTruthy();
    }
    const chosen = await login.startLogin({ scope: "openid payment" });
    expect(new URL(chosen.url).searchParams.get("scope")).toBe("openid payment");
  });
});
