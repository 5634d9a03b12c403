// ConnectIdError as a user sees it: its name, and a login server's error
// description with each secret replaced by exactly "[redacted]", whatever
// encoding the server echoed it in, and nothing around it changed.
import { expect, it } from "vitest";
import { ConnectIdError } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { stubLogin, type Sent } from "../helpers/stub.js";

/** The description a refresh's error carries when the server says `description`. */
async function describedAs(
  description: string | ((sent: Sent) => string),
  options: Parameters<typeof stubLogin>[1] = {},
): Promise<string | undefined> {
  const { login } = stubLogin(
    (sent) => ({
      status: 400,
      body: {
        error: "invalid_request",
        error_description: typeof description == "string" ? description : description(sent),
      },
    }),
    options,
  );
  const error = await rejectionOf(login.refresh("a-refresh-token"));
  expect(error).toBeInstanceOf(ConnectIdError);
  return (error as ConnectIdError).description;
}

it("is named ConnectIdError", async () => {
  const { login } = stubLogin({ status: 400, body: { error: "invalid_grant" } });
  const error = await rejectionOf(login.refresh("a-refresh-token"));
  expect(error).toBeInstanceOf(ConnectIdError);
  expect((error as Error).name).toBe("ConnectIdError");
  expect(String(error).startsWith("ConnectIdError: ")).toBe(true);
});

it("a secret echoed form-encoded (space as +, parentheses escaped) is redacted", async () => {
  const clientSecret = "Sec ret(1)!x";
  const description = await describedAs((sent) => `got ${sent.body}`, {
    clientSecret,
    clientAuthentication: "client_secret_post",
  });
  const formEncoded = new URLSearchParams({ s: clientSecret }).toString().slice(2);
  expect(formEncoded).not.toBe(encodeURIComponent(clientSecret));
  expect(description).toContain("client_secret=[redacted]");
  expect(description).not.toContain(formEncoded);
});

it("a secret inside an echoed JSON string is replaced, its quotes kept", async () => {
  const description = await describedAs('{"client_secret":"abcd-1234-secret"}', {
    clientSecret: "abcd-1234-secret",
  });
  expect(description).toBe('{"client_secret":"[redacted]"}');
});

it("a JSON-escaped secret is replaced whole, not by a shorter form leaving a piece", async () => {
  // The secret ends with a backslash: as written it is a prefix of its JSON escape.
  const clientSecret = "Secret-value\\";
  const description = await describedAs(`{"client_secret":${JSON.stringify(clientSecret)}}`, {
    clientSecret,
  });
  expect(description).toBe('{"client_secret":"[redacted]"}');
});

it("credentials after several spaces are redacted too", async () => {
  const description = await describedAs("Authorization: Bearer  some.token-value was refused");
  expect(description).toBe("Authorization: Bearer [redacted] was refused");
});
