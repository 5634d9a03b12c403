// What the merchant reads when the login server's metadata cannot be used:
// who answered, and which endpoint is missing or unusable.
import { expect, it } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import { stubLogin, tokenAnswer, type Sent } from "../helpers/stub.js";

const issuer = "https://login.example";

async function refusal(answer: (sent: Sent) => { status?: number; body: unknown }) {
  const { login } = stubLogin(answer, { issuer, discovery: "oauth2" });
  let thrown: unknown;
  await login.refresh("a-refresh-token").catch((error: unknown) => {
    thrown = error;
  });
  expect(thrown).toBeInstanceOf(ConnectIdError);
  return thrown as ConnectIdError;
}

it("a failed read names the metadata and the status", async () => {
  const error = await refusal((sent) =>
    sent.url.includes("/.well-known/") ? { status: 503, body: "down" } : tokenAnswer(),
  );
  expect(error).toMatchObject({ code: "provider_error", status: 503 });
  expect(error.message).toMatch(/^The login server's metadata answered 503/);
});

it.each([
  [
    "token_endpoint",
    { authorization_endpoint: `${issuer}/a`, token_endpoint: "http://x.example/t" },
  ],
  ["authorization_endpoint", { token_endpoint: `${issuer}/t` }],
])("metadata without a usable %s: the message names it and the rule", async (field, metadata) => {
  const error = await refusal((sent) =>
    sent.url.includes("/.well-known/") ? { body: { issuer, ...metadata } } : tokenAnswer(),
  );
  expect(error.code).toBe("provider_error");
  expect(error.message).toContain(`no usable ${field}`);
  expect(error.message).toContain("https");
});
