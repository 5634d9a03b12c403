// What a store's get() gives must be a token set object: a function that
// carries token fields is not one, and is refused before anything is sent.
import { expect, it } from "vitest";
import { ConnectIdError, type TokenStore } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { stubLogin } from "../helpers/stub.js";

it("a function with token fields from store.get() is refused, nothing sent", async () => {
  const { login, sent } = stubLogin();
  const lookalike = Object.assign(() => undefined, {
    accessToken: "an-access-token",
    expiresAt: Date.now() + 3_600_000,
  });
  const store = { get: () => lookalike, set: () => {} } as unknown as TokenStore;
  const error = await rejectionOf(login.tokenSource({ store })());
  expect(error).toBeInstanceOf(ConnectIdError);
  expect(error).toMatchObject({
    code: "invalid_input",
    issues: [
      {
        field: "store.get()",
        message:
          "must give a token set ({ accessToken, expiresAt, refreshToken?, scope? }) or undefined",
      },
    ],
  });
  expect(sent).toHaveLength(0);
});
