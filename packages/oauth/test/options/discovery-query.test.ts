// An endpoint from the metadata keeps its query (RFC 6749 section 3.1), as
// an endpoint given in the options does.
import { expect, it } from "vitest";
import { stubLogin, tokenAnswer } from "../helpers/stub.js";

it("metadata endpoints with a query are used, query and all", async () => {
  const issuer = "https://login.example";
  const token = `${issuer}/token?tenant=shop`;
  const { login, sent } = stubLogin(
    (one) =>
      one.url.includes("/.well-known/")
        ? {
            body: {
              issuer,
              authorization_endpoint: `${issuer}/a?tenant=shop`,
              token_endpoint: token,
            },
          }
        : tokenAnswer(),
    { issuer, discovery: "oauth2" },
  );
  const { url } = await login.startLogin();
  expect(new URL(url).searchParams.get("tenant")).toBe("shop");
  await login.refresh("a-refresh-token");
  expect(sent.at(-1)?.url).toBe(token);
});
