// Signing a test customer in without a browser, from the handle and over the
// HTTP control path: the tokens work where the login server's own tokens work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_OAUTH_CLIENT,
  SandboxControlError,
  startSandbox,
  type Sandbox,
} from "../../src/index.js";
import { PAY_INVOICE_PATH, PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";

let sandbox: Sandbox;
let clockOffset = 0;
const lines: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({
    log: (line) => lines.push(line),
    oauth: { requireIssuedTokens: true, clock: () => Date.now() + clockOffset },
  });
});
afterAll(() => sandbox.close());

const pay = (accessToken: string) =>
  fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ ...PAY_INVOICE_REQUEST, paymentMethod: "nexi" }),
  });

const refresh = (refreshToken: string) =>
  fetch(`${sandbox.loginServer}/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      client_id: DEFAULT_OAUTH_CLIENT.clientId,
      client_secret: DEFAULT_OAUTH_CLIENT.clientSecret,
    }),
  });

const control = (body: unknown) =>
  fetch(`${sandbox.controlUrl}/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("signIn() on the handle", () => {
  it("gives tokens the API accepts and the token endpoint refreshes", async () => {
    const before = Date.now();
    const tokens = sandbox.signIn();
    expect(tokens).toEqual({
      accessToken: expect.stringMatching(/^[\w-]{32}$/),
      refreshToken: expect.stringMatching(/^[\w-]{32}$/),
      expiresAt: expect.any(Number),
      scope: "read",
    });
    expect(tokens.expiresAt - before).toBeGreaterThanOrEqual(12 * 60 * 60 * 1000 - 1000);
    expect((await pay(tokens.accessToken)).status).toBe(200);
    expect((await pay("made-up-token")).status).toBe(401);
    expect((await refresh(tokens.refreshToken)).status).toBe(200);
  });

  it("signs in the customer asked for, each time with new tokens", () => {
    const [ola, again] = [sandbox.signIn("ola"), sandbox.signIn("ola")];
    expect(ola.accessToken).not.toBe(again.accessToken);
    expect(lines).toContain("sign-in: ola signed in without a browser (control)");
  });

  it("its access token expires with the login server's clock", async () => {
    const tokens = sandbox.signIn("sven");
    clockOffset = 13 * 60 * 60 * 1000;
    try {
      const answer = await pay(tokens.accessToken);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: "invalid_token" });
    } finally {
      clockOffset = 0;
    }
  });

  it("refuses an unknown customer or client, naming the field", () => {
    expect(() => sandbox.signIn("mallory")).toThrow(SandboxControlError);
    expect(() => sandbox.signIn("mallory")).toThrow(/customer must be one of kari, ola, sven/);
    expect(() => sandbox.signIn("kari", { clientId: "someone.else" })).toThrow(/clientId/);
  });

  it("never logs a token", () => {
    const tokens = sandbox.signIn();
    expect(lines.join("\n")).not.toContain(tokens.accessToken);
    expect(lines.join("\n")).not.toContain(tokens.refreshToken);
  });
});

describe("POST {controlUrl}/sign-in", () => {
  it("answers as the token endpoint would, with no-store", async () => {
    const response = await control({ customer: "ola" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { access_token: string };
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[\w-]{32}$/),
      refresh_token: expect.stringMatching(/^[\w-]{32}$/),
      token_type: "Bearer",
      expires_in: 43_200,
      scope: "read",
    });
    expect((await pay(body.access_token)).status).toBe(200);
  });

  it("signs in kari with the default client when the body is empty", async () => {
    expect((await control({})).status).toBe(200);
  });

  it("answers 400 for an unknown customer, 415 for a body that is not JSON", async () => {
    const unknown = await control({ customer: "mallory" });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      error: "bad_request",
      message: "customer must be one of kari, ola, sven",
    });
    const form = await fetch(`${sandbox.controlUrl}/sign-in`, {
      method: "POST",
      body: new URLSearchParams({ customer: "kari" }),
    });
    expect(form.status).toBe(415);
  });
});
