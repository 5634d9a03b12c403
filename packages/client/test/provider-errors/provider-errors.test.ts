// The provider's error language, as public integrations read it: 400 bodies
// `{ exceptionType, errorMessage }` and OAuth errors `{ error, error_description }`
// (401 `invalid_token`). ConnectError exposes them when present, and its
// message carries the provider's words, bounded and without the token.
import { afterAll, beforeAll, expect, test } from "vitest";
import { PAY_INVOICE_ERRORS } from "../../../../openapi/fixtures.mjs";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { json, rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";

const TOKEN = "PrOvIdEr-ToKeN-51c0";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "api-error": (_, res) => json(res, 400, PAY_INVOICE_ERRORS["400"]),
    "oauth-error": (_, res) => json(res, 401, PAY_INVOICE_ERRORS["401"]),
    "long-message": (_, res) =>
      json(res, 400, { exceptionType: "X", errorMessage: "a".repeat(5000) }),
    "echoed-token": (request, res) =>
      json(res, 401, {
        error: "invalid_token",
        error_description: `token ${request.authorization?.slice(7)} is not valid`,
      }),
    "log-injection": (_, res) =>
      json(res, 400, { errorMessage: "bad\r\n2026-01-01 INFO payment ok" }),
    "wrong-types": (_, res) => json(res, 400, { exceptionType: 5, errorMessage: { x: 1 } }),
    "plain-400": (_, res) => json(res, 400, { message: "nope" }),
  });
});
afterAll(() => server.close());

const failure = async (scenario: string) =>
  (await rejectionOf(
    createConnectClient({ baseUrl: server.baseUrl(scenario), accessToken: TOKEN }).payInvoice(
      validBody,
    ),
  )) as ConnectError;

test("a 400 exposes exceptionType and errorMessage, and the message says them", async () => {
  const error = await failure("api-error");
  expect(error.code).toBe("bad_request");
  const { exceptionType, errorMessage } = PAY_INVOICE_ERRORS["400"];
  expect(error.exceptionType).toBe(exceptionType);
  expect(error.errorMessage).toBe(errorMessage);
  expect(error.message).toBe(
    `The API answered HTTP 400 (bad_request): ${exceptionType}: ${errorMessage}`,
  );
});

test("a 401 exposes the OAuth error and its description", async () => {
  const error = await failure("oauth-error");
  expect(error.code).toBe("unauthorized");
  const { error: code, error_description: description } = PAY_INVOICE_ERRORS["401"];
  expect(error.oauthError).toBe(code);
  expect(error.oauthErrorDescription).toBe(description);
  expect(error.message).toBe(`The API answered HTTP 401 (unauthorized): ${code}: ${description}`);
});

test("the provider's text is bounded in the fields and in the message", async () => {
  const error = await failure("long-message");
  expect(error.errorMessage).toBe(`${"a".repeat(200)}…`);
  expect(error.message.length).toBeLessThan(300);
  // The whole body is still there for whoever needs it.
  expect((error.body as { errorMessage: string }).errorMessage).toHaveLength(5000);
});

test("an echoed token never reaches the fields or the message", async () => {
  const error = await failure("echoed-token");
  expect(error.oauthErrorDescription).toBe("token [redacted] is not valid");
  expect(error.message).not.toContain(TOKEN);
  expect(JSON.stringify(error)).not.toContain(TOKEN);
});

test("control characters from the provider cannot forge a log line", async () => {
  const error = await failure("log-injection");
  expect(error.errorMessage).toBe("bad 2026-01-01 INFO payment ok");
  expect(error.message).not.toMatch(/[\r\n]/);
});

test("fields of the wrong type, or absent, are simply not set (never required)", async () => {
  for (const scenario of ["wrong-types", "plain-400"]) {
    const error = await failure(scenario);
    expect(error.code).toBe("bad_request");
    for (const field of ["exceptionType", "errorMessage", "oauthError", "oauthErrorDescription"]) {
      expect(Object.hasOwn(error, field), `${scenario}: ${field}`).toBe(false);
    }
    expect(error.message).toBe("The API answered HTTP 400 (bad_request)");
  }
});
