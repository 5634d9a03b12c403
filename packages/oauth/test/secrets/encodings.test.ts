// A token endpoint that echoes the request in its error description, in the
// encodings servers use: JSON with `/` escaped as `\/`, and the Basic
// credentials form-encoded or bare. None of it may reach the error.
import { inspect } from "node:util";
import { expect, it } from "vitest";
import type { ConnectIdError } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { callbackFor, stubLogin, type Sent } from "../helpers/stub.js";

// Characters that change when form-encoded or JSON-escaped.
const CLIENT_ID = "shop.secret-test";
const CLIENT_SECRET = "Sec+ret/Value=42&more";
const REFRESH_TOKEN = "Refresh+Token/echoed/1";

/** The request, echoed back every way the test knows. */
function echo(sent: Sent) {
  const form = Object.fromEntries(new URLSearchParams(sent.body));
  const authorization = sent.headers.get("authorization") ?? "";
  const json = JSON.stringify({ ...form, client_secret: CLIENT_SECRET, authorization });
  const description = [
    json.replaceAll("/", "\\/"),
    `authorization=${encodeURIComponent(authorization)}`,
    `credentials: ${authorization.replace(/^Basic /, "")}`,
    `credentials: ${encodeURIComponent(authorization.replace(/^Basic /, ""))}`,
  ].join(" | ");
  return { status: 400, body: { error: "invalid_request", error_description: description } };
}

function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, json.replaceAll("/", "\\/"), encodeURIComponent(secret)];
}

function expectNone(error: unknown, secrets: string[]) {
  expect((error as ConnectIdError).code).toBe("provider_error");
  const texts = [String(error), JSON.stringify(error), inspect(error, { showHidden: true })];
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

const basic = btoa(`${CLIENT_ID}:${encodeURIComponent(CLIENT_SECRET)}`);
const all = [...forms(CLIENT_SECRET), ...forms(REFRESH_TOKEN), basic, encodeURIComponent(basic)];

it.each(["client_secret_basic", "client_secret_post"] as const)(
  "a refresh with %s: the secret, the refresh token and the credentials are redacted in each encoding",
  async (clientAuthentication) => {
    const { login, sent } = stubLogin(echo, {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      clientAuthentication,
    });
    const error = await rejectionOf(login.refresh(REFRESH_TOKEN));
    expect(sent).toHaveLength(1);
    expectNone(error, all);
    // Still says what the server said, around the redactions.
    expect((error as ConnectIdError).description).toContain("[redacted]");
    expect((error as ConnectIdError).description).toContain("grant_type");
  },
);

it("a code exchange: the code verifier and the code are redacted too", async () => {
  const { login } = stubLogin(echo, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const { pending } = await login.startLogin();
  const code = "Code/with+slash";
  const error = await rejectionOf(
    login.finishLogin(callbackFor(pending, `code=${encodeURIComponent(code)}`), pending),
  );
  expectNone(error, [...all, ...forms(pending.codeVerifier as string), ...forms(code)]);
});
