// The token endpoint's own words: each refusal's status, error and
// description, the client authentication it accepts and refuses, and what it
// logs; a developer debugging a login reads exactly these.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAY_INVOICE_PATH, PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import {
  DEFAULT_OAUTH_CLIENT,
  SandboxControlError,
  startSandbox,
  type Sandbox,
} from "../../src/index.js";
import { OAUTH_FACTS } from "../../src/oauth/context.js";
import { rawRequest } from "../hostile/helpers.js";
import { basic, tokenRequest } from "./helpers.js";

const SPACED = {
  clientId: "my shop",
  clientSecret: "a b+c",
  redirectUris: ["http://127.0.0.1/cb"],
};
const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
let sandbox: Sandbox;
const lines: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({
    oauth: { clients: [DEFAULT_OAUTH_CLIENT, SPACED] },
    log: (line) => lines.push(line),
  });
});
afterAll(() => sandbox.close());

const CLIENT_CREDENTIALS = { grant_type: "client_credentials" };
const withSecret = { ...CLIENT_CREDENTIALS, client_id: clientId, client_secret: clientSecret };

/** The status, the no-store headers and the error body of a token answer. */
async function refusal(response: Response) {
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("pragma")).toBe("no-cache");
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const error = (status: number, code: string, description: string) => ({
  status,
  body: { error: code, error_description: description },
});

describe("refusals, each in its own words", () => {
  it("a GET: 405, naming POST", async () => {
    const response = await fetch(`${sandbox.loginServer}${OAUTH_FACTS.tokenPath}`);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await refusal(response)).toEqual(
      error(405, "invalid_request", "the token endpoint takes POST"),
    );
  });

  it("a body without a media type", async () => {
    const response = await rawRequest(`${sandbox.loginServer}${OAUTH_FACTS.tokenPath}`, {
      method: "POST",
      body: new URLSearchParams(withSecret).toString(),
    });
    expect([response.status, JSON.parse(response.body)]).toEqual([
      400,
      { error: "invalid_request", error_description: "send application/x-www-form-urlencoded" },
    ]);
  });

  it("a body that is not a form", async () => {
    const response = await tokenRequest(sandbox, withSecret, { "content-type": "text/plain" });
    expect(await refusal(response)).toEqual(
      error(400, "invalid_request", "send application/x-www-form-urlencoded"),
    );
  });

  it("a form too large to read", async () => {
    const response = await tokenRequest(sandbox, { ...withSecret, pad: "x".repeat(2 ** 21) });
    expect(await refusal(response)).toEqual(error(413, "invalid_request", "the body is too large"));
  });

  it("a repeated parameter", async () => {
    const response = await fetch(`${sandbox.loginServer}${OAUTH_FACTS.tokenPath}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `${new URLSearchParams(withSecret)}&grant_type=client_credentials`,
    });
    expect(await refusal(response)).toEqual(
      error(400, "invalid_request", "grant_type is repeated"),
    );
  });

  it.each([
    [{ grant_type: "authorization_code" }, error(400, "invalid_request", "code is missing")],
    [{ grant_type: "refresh_token" }, error(400, "invalid_request", "refresh_token is missing")],
    [{}, error(400, "invalid_request", "grant_type is missing")],
    [
      { grant_type: "password" },
      error(
        400,
        "unsupported_grant_type",
        "use authorization_code, refresh_token or client_credentials",
      ),
    ],
  ])("the grant %j", async (grant, expected) => {
    const form = { client_id: clientId, client_secret: clientSecret, ...grant };
    expect(await refusal(await tokenRequest(sandbox, form))).toEqual(expected);
  });

  it("a client_credentials scope beyond the known ones, logged without the secret", async () => {
    const description = `scope must be among: ${OAUTH_FACTS.scopes.join(" ")}`;
    const response = await tokenRequest(sandbox, { ...withSecret, scope: "admin" });
    expect(await refusal(response)).toEqual(error(400, "invalid_scope", description));
    expect(lines).toContain(`token: client_credentials refused (${description})`);
    expect(lines.join("\n")).not.toContain(clientSecret);
  });
});

describe("client authentication", () => {
  const unauthorized = (description: string) => error(401, "invalid_client", description);
  const post = (
    headers: Record<string, string>,
    form: Record<string, string> = CLIENT_CREDENTIALS,
  ) => tokenRequest(sandbox, form, headers);
  const encoded = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

  it("takes Basic in any case, with spaces around the credentials", async () => {
    const credentials = basic(clientId, clientSecret).slice("Basic ".length);
    for (const header of [`basic ${credentials}`, `BASIC   ${credentials}  `]) {
      expect((await post({ authorization: header })).status).toBe(200);
    }
  });

  it("reads + as a space in Basic credentials, as the form encoding writes it", async () => {
    const response = await post({ authorization: encoded("my+shop:a+b%2Bc") });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(await response.json()).toMatchObject({ scope: OAUTH_FACTS.scopes.join(" ") });
  });

  it.each([
    ["another scheme", { authorization: "Bearer abc" }, "unsupported Authorization scheme"],
    [
      "Basic with no space before the credentials",
      { authorization: "Basicabc=" },
      "unsupported Authorization scheme",
    ],
    [
      "text before Basic",
      { authorization: `x${basic(clientId, clientSecret)}` },
      "unsupported Authorization scheme",
    ],
    [
      "Basic followed by more than credentials",
      { authorization: `${basic(clientId, clientSecret)} x` },
      "unsupported Authorization scheme",
    ],
    [
      "Basic credentials without a colon",
      { authorization: encoded("no-colon") },
      "malformed Basic credentials",
    ],
    [
      "Basic credentials that are not percent-encoding",
      { authorization: encoded("%zz:x") },
      "malformed Basic credentials",
    ],
    [
      "a wrong secret",
      { authorization: basic(clientId, "wrong") },
      "unknown client or wrong secret",
    ],
    [
      "an unknown client",
      { authorization: basic("nobody", clientSecret) },
      "unknown client or wrong secret",
    ],
  ])("refuses %s", async (_, headers, description) => {
    const response = await post(headers);
    expect(response.headers.get("www-authenticate")).toBe('Basic realm="connect-payment-sandbox"');
    expect(await refusal(response)).toEqual(unauthorized(description));
    expect(lines).toContain(`token: invalid_client (${description})`);
  });

  it("refuses two methods at once, and a body client_id that is not the Basic one", async () => {
    const header = { authorization: basic(clientId, clientSecret) };
    expect(await refusal(await post(header, withSecret))).toEqual(
      unauthorized("use one client authentication method"),
    );
    expect(
      await refusal(await post(header, { ...CLIENT_CREDENTIALS, client_id: SPACED.clientId })),
    ).toEqual(unauthorized("client_id does not match"));
    expect((await post(header, { ...CLIENT_CREDENTIALS, client_id: clientId })).status).toBe(200);
  });

  it("refuses a body without a secret", async () => {
    const response = await tokenRequest(sandbox, { ...CLIENT_CREDENTIALS, client_id: clientId });
    expect(await refusal(response)).toEqual(unauthorized("unknown client or wrong secret"));
  });
});

describe("what the tokens are good for", () => {
  it("takes the form's media type in any case, with parameters", async () => {
    const response = await tokenRequest(sandbox, withSecret, {
      "content-type": "Application/X-WWW-Form-Urlencoded ; charset=UTF-8",
    });
    expect(response.status).toBe(200);
  });

  it("an API call with a token this login server never issued: 401, saying so", async () => {
    const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
      method: "POST",
      headers: { authorization: "Bearer made-up", "content-type": "application/json" },
      body: JSON.stringify(PAY_INVOICE_REQUEST),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error_description: "The access token is unknown or expired",
    });
  });

  it("the control's client token: only for a client the login server knows", () => {
    expect(sandbox.clientToken(SPACED.clientId).scope).toBe(OAUTH_FACTS.scopes.join(" "));
    expect(() => sandbox.clientToken("nobody")).toThrow(
      new SandboxControlError("clientId must be a client this login server knows"),
    );
  });
});
