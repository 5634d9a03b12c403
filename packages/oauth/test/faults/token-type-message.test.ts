// A DPoP token is the one type oauth4webapi lets through besides Bearer: the
// error names the type that came, the rule, and the status of the answer.
import { expect, it } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import { stubLogin, tokenAnswer } from "../helpers/stub.js";

it("token_type DPoP: provider_error naming the type, the rule and the status", async () => {
  const { login } = stubLogin(tokenAnswer({ token_type: "DPoP" }));
  let thrown: unknown;
  await login.refresh("a-refresh-token").catch((error: unknown) => {
    thrown = error;
  });
  expect(thrown).toBeInstanceOf(ConnectIdError);
  const error = thrown as ConnectIdError;
  expect(error).toMatchObject({ code: "provider_error", status: 200 });
  expect(error.message).toMatch(/token_type "dpop"/i);
  expect(error.message).toContain("only Bearer is accepted");
});
