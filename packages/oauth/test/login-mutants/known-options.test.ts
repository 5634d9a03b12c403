// The unknown-name check reads the names of an options object only: null
// is no options, and a value that is not an object has no option names to
// report (it is refused for what it lacks instead).
import { expect, it } from "vitest";
import {
  ConnectIdError,
  createConnectIdLogin,
  type ConnectIdLoginOptions,
} from "../../src/index.js";
import { stubLogin } from "../helpers/stub.js";

it("a string given as the login's options names the missing options, not its characters", () => {
  let caught: unknown;
  try {
    createConnectIdLogin("clientId" as unknown as ConnectIdLoginOptions);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConnectIdError);
  const fields = (caught as ConnectIdError).issues?.map((issue) => issue.field);
  expect(fields).toEqual(["environment", "clientId", "clientSecret", "redirectUri"]);
});

it("startLogin(null) starts a login like startLogin()", async () => {
  const { login, sent } = stubLogin();
  const { url, pending } = await login.startLogin(null as never);
  expect(new URL(url).searchParams.get("state")).toBe(pending.state);
  expect(sent).toHaveLength(0);
});
