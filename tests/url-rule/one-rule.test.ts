// One URL rule in every package: https, or plain http only to loopback
// (127.0.0.0/8, [::1], localhost). Each package is asked the same table
// through its public API, and every answer must match the table.
import { createConnectClient } from "@connect-payment/client";
import { createConnectIdLogin } from "@connect-payment/oauth";
import { buildInvoicePaymentUrl } from "@connect-payment/redirect";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/** Plain http URLs, each with whether the one rule accepts it. */
const HTTP_TABLE: [url: string, accepted: boolean][] = [
  ["http://127.0.0.1", true],
  ["http://127.0.0.2", true],
  ["http://127.255.255.254:8080", true],
  ["http://[::1]", true],
  ["http://[::1]:4010", true],
  ["http://localhost", true],
  ["http://LOCALHOST:3000", true],
  ["http://example.com", false],
  ["http://128.0.0.1", false],
  ["http://10.0.0.1", false],
  ["http://[::2]", false],
  ["http://127.0.0.1.example.com", false],
  ["http://localhost.example.com", false],
];

/** Base URLs beyond plain http: https anywhere; no credentials, query, fragment or other scheme. */
const BASE_TABLE: [url: string, accepted: boolean][] = [
  ...HTTP_TABLE,
  ["https://example.com", true],
  ["https://127.0.0.2", true],
  ["https://user:secret@example.com", false],
  ["http://user@127.0.0.1", false],
  ["https://example.com/?x=1", false],
  ["https://example.com/#top", false],
  ["ftp://127.0.0.1", false],
  ["not a url", false],
];

/** Whether `attempt` runs without throwing an error that names `field`. */
function accepts(attempt: () => unknown, field: string): boolean {
  try {
    attempt();
    return true;
  } catch (error) {
    const { issues, field: named } = error as { issues?: { field: string }[]; field?: string };
    const fields = issues?.map((issue) => issue.field) ?? [named];
    // Any other refusal is a broken test, not an answer.
    expect(fields, String(error)).toContain(field);
    return false;
  }
}

const ask = {
  "client baseUrl": (url: string) =>
    accepts(() => createConnectClient({ accessToken: "t0k", baseUrl: url }), "baseUrl"),
  "redirect loginServer": (url: string) =>
    accepts(
      () =>
        buildInvoicePaymentUrl({
          loginServer: url,
          clientId: "no.shop",
          returnUrl: "https://shop.example/return",
          errorUrl: "https://shop.example/error",
          transactionId: 1,
        }),
      "loginServer",
    ),
  "oauth loginServer": (url: string) =>
    accepts(
      () =>
        createConnectIdLogin({
          loginServer: url,
          clientId: "no.shop",
          clientSecret: "s3cret-s3cret",
          redirectUri: "https://shop.example/callback",
        }),
      "loginServer",
    ),
  "oauth redirectUri": (url: string) =>
    accepts(
      () =>
        createConnectIdLogin({
          environment: "test",
          clientId: "no.shop",
          clientSecret: "s3cret-s3cret",
          redirectUri: url,
        }),
      "redirectUri",
    ),
};

// A redirect URI is not a base: it may carry a query, so it is asked the loopback question only.
const tableOf = (where: string) => (where === "oauth redirectUri" ? HTTP_TABLE : BASE_TABLE);

describe.each(Object.entries(ask))("%s", (where, answer) => {
  test.each(tableOf(where))("%s: accepted %s", (url, accepted) => {
    expect(answer(url)).toBe(accepted);
  });
});

describe("sandbox login server, default client's redirect_uri", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: () => undefined });
  });
  afterAll(() => sandbox.close());

  // Its default client takes any redirect URI on this machine: the same
  // loopback answer as every package above, for plain http.
  test.each(HTTP_TABLE)("%s: accepted %s", async (url, accepted) => {
    const authorize = new URL(`${sandbox.loginServer}/oauth/authorize`);
    authorize.search = new URLSearchParams({
      client_id: DEFAULT_OAUTH_CLIENT.clientId,
      redirect_uri: `${url}/callback`,
      response_type: "code",
      state: "s",
    }).toString();
    const response = await fetch(authorize, { redirect: "manual" });
    await response.body?.cancel();
    // Refused: a 400 page that never redirects (RFC 6749 section 4.1).
    expect(response.status !== 400).toBe(accepted);
  });
});
