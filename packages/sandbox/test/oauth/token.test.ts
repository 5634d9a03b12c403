// {login}/oauth/token: both grants, client authentication, exact redirect_uri,
// single-use expiring codes, PKCE; RFC 6749 errors for everything else.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { answerSignIn, basic, REDIRECT_URI, tokenRequest } from "./helpers.js";

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
const VERIFIER = "v".repeat(43);
const CHALLENGE = createHash("sha256").update(VERIFIER).digest("base64url");

let sandbox: Sandbox;
let quick: Sandbox;
const logLines: string[] = [];
// `quick`'s clock runs `offset` ahead: moving it expires codes and tokens at once.
let offset = 0;
beforeAll(async () => {
  [sandbox, quick] = await Promise.all([
    startSandbox({ log: (line) => logLines.push(line) }),
    startSandbox({
      oauth: { codeTtlSeconds: 60, refreshTokenTtlSeconds: 120, clock: () => Date.now() + offset },
    }),
  ]);
});
afterAll(() => Promise.all([sandbox.close(), quick.close()]));

const authorize = (extra: Record<string, string> = {}) => ({
  response_type: "code",
  client_id: clientId,
  redirect_uri: REDIRECT_URI,
  state: "s",
  ...extra,
});

async function codeFrom(target: Sandbox, extra: Record<string, string> = {}): Promise<string> {
  return (await answerSignIn(target, authorize(extra))).searchParams.get("code") as string;
}

const exchange = (code: string, extra: Record<string, string> = {}) => ({
  grant_type: "authorization_code",
  code,
  redirect_uri: REDIRECT_URI,
  ...extra,
});

async function expectError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await response.json()) as { error: string; error_description: string };
  expect(body.error).toBe(error);
  expect(typeof body.error_description).toBe("string");
  return body;
}

describe("authorization_code", () => {
  it("issues tokens to a client authenticated with HTTP Basic or in the form body", async () => {
    for (const [form, headers] of [
      [{}, { authorization: basic(clientId, clientSecret) }],
      [{ client_id: clientId, client_secret: clientSecret }, {}],
    ] as const) {
      const response = await tokenRequest(
        sandbox,
        { ...exchange(await codeFrom(sandbox)), ...form },
        headers,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.json();
      expect(body).toEqual({
        access_token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
        refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
        token_type: "Bearer",
        expires_in: 43_200,
        scope: "read",
      });
    }
  });

  it("gives access tokens the lifetime of tokenLifetimeSeconds, unless oauth sets its own", async () => {
    const [short, own] = await Promise.all([
      startSandbox({ tokenLifetimeSeconds: 90 }),
      startSandbox({ tokenLifetimeSeconds: 90, oauth: { accessTokenTtlSeconds: 30 } }),
    ]);
    try {
      for (const [target, seconds] of [
        [short, 90],
        [own, 30],
      ] as const) {
        const response = await tokenRequest(target, exchange(await codeFrom(target)), {
          authorization: basic(clientId, clientSecret),
        });
        expect(((await response.json()) as { expires_in: number }).expires_in).toBe(seconds);
      }
    } finally {
      await Promise.all([short.close(), own.close()]);
    }
  });

  it("checks PKCE when a challenge was sent", async () => {
    const auth = { authorization: basic(clientId, clientSecret) };
    const pkce = { code_challenge: CHALLENGE, code_challenge_method: "S256" };
    let code = await codeFrom(sandbox, pkce);
    await expectError(await tokenRequest(sandbox, exchange(code), auth), 400, "invalid_grant");
    code = await codeFrom(sandbox, pkce);
    const wrong = exchange(code, { code_verifier: "w".repeat(43) });
    await expectError(await tokenRequest(sandbox, wrong, auth), 400, "invalid_grant");
    code = await codeFrom(sandbox, pkce);
    const right = exchange(code, { code_verifier: VERIFIER });
    expect((await tokenRequest(sandbox, right, auth)).status).toBe(200);
    // A verifier for a code that had no challenge is refused too.
    code = await codeFrom(sandbox);
    const unasked = exchange(code, { code_verifier: VERIFIER });
    await expectError(await tokenRequest(sandbox, unasked, auth), 400, "invalid_grant");
  });

  it("needs the exact redirect_uri of the authorization request", async () => {
    const auth = { authorization: basic(clientId, clientSecret) };
    for (const redirect_uri of ["http://127.0.0.1:8099/callback", `${REDIRECT_URI}&x=1`, ""]) {
      const code = await codeFrom(sandbox);
      const body = await expectError(
        await tokenRequest(sandbox, exchange(code, { redirect_uri }), auth),
        400,
        "invalid_grant",
      );
      expect(body.error_description).toBe("redirect_uri does not match");
    }
  });

  it("takes each code once, and not after it expired", async () => {
    const auth = { authorization: basic(clientId, clientSecret) };
    const code = await codeFrom(sandbox);
    expect((await tokenRequest(sandbox, exchange(code), auth)).status).toBe(200);
    const again = await expectError(
      await tokenRequest(sandbox, exchange(code), auth),
      400,
      "invalid_grant",
    );
    expect(again.error_description).toBe("code already used");

    const late = await codeFrom(quick);
    offset += 61_000;
    const expired = await expectError(
      await tokenRequest(quick, exchange(late), auth),
      400,
      "invalid_grant",
    );
    expect(expired.error_description).toBe("code expired");
  });
});

describe("refresh_token", () => {
  it("issues new tokens and retires the refresh token it used", async () => {
    const auth = { authorization: basic(clientId, clientSecret) };
    const first = await (
      await tokenRequest(sandbox, exchange(await codeFrom(sandbox)), auth)
    ).json();
    const refresh = { grant_type: "refresh_token", refresh_token: first.refresh_token };
    const second = await (await tokenRequest(sandbox, refresh, auth)).json();
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    await expectError(await tokenRequest(sandbox, refresh, auth), 400, "invalid_grant");
    const wider = {
      grant_type: "refresh_token",
      refresh_token: second.refresh_token,
      scope: "read admin",
    };
    await expectError(await tokenRequest(sandbox, wider, auth), 400, "invalid_grant");
  });

  it("refuses an expired refresh token", async () => {
    const auth = { authorization: basic(clientId, clientSecret) };
    const first = await (await tokenRequest(quick, exchange(await codeFrom(quick)), auth)).json();
    offset += 121_000;
    const refresh = { grant_type: "refresh_token", refresh_token: first.refresh_token };
    const body = await expectError(await tokenRequest(quick, refresh, auth), 400, "invalid_grant");
    expect(body.error_description).toBe("refresh token expired");
  });
});

describe("bad requests get the standard error, never a crash", () => {
  const auth = () => ({ authorization: basic(clientId, clientSecret) });

  const refresh = { grant_type: "refresh_token", refresh_token: "unknown" };
  it.each([
    [
      "wrong secret (Basic)",
      refresh,
      { authorization: basic(clientId, "nope") },
      401,
      "invalid_client",
    ],
    [
      "wrong secret (body)",
      { ...refresh, client_id: clientId, client_secret: "nope" },
      {},
      401,
      "invalid_client",
    ],
    ["no client authentication", { ...refresh, client_id: clientId }, {}, 401, "invalid_client"],
    ["two methods", { ...refresh, client_secret: clientSecret }, auth(), 401, "invalid_client"],
    ["a Bearer header", refresh, { authorization: "Bearer x" }, 401, "invalid_client"],
    [
      "Basic without a colon",
      refresh,
      { authorization: "Basic bm9jb2xvbg==" },
      401,
      "invalid_client",
    ],
    [
      "Basic with broken percent-encoding",
      refresh,
      { authorization: `Basic ${btoa("%E0%A4%A:x")}` },
      401,
      "invalid_client",
    ],
    ["no grant_type", { refresh_token: "unknown" }, auth(), 400, "invalid_request"],
    ["an unknown grant_type", { grant_type: "password" }, auth(), 400, "unsupported_grant_type"],
    ["no code", { grant_type: "authorization_code" }, auth(), 400, "invalid_request"],
    [
      "an unknown code",
      { grant_type: "authorization_code", code: "x" },
      auth(),
      400,
      "invalid_grant",
    ],
    ["no refresh_token", { grant_type: "refresh_token" }, auth(), 400, "invalid_request"],
    ["an unknown refresh_token", refresh, auth(), 400, "invalid_grant"],
  ] as [string, Record<string, string>, Record<string, string>, number, string][])(
    "%s",
    async (_, form, headers, status, error) => {
      const response = await tokenRequest(sandbox, form, headers);
      await expectError(response, status, error);
      if (status === 401 && "authorization" in headers) {
        expect(response.headers.get("www-authenticate")).toContain("Basic");
      }
    },
  );

  it("a repeated parameter, a JSON body, a GET", async () => {
    const repeated = await fetch(`${sandbox.loginServer}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...auth() },
      body: "grant_type=refresh_token&refresh_token=a&refresh_token=b",
    });
    await expectError(repeated, 400, "invalid_request");
    const json = await fetch(`${sandbox.loginServer}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth() },
      body: JSON.stringify({ grant_type: "refresh_token" }),
    });
    await expectError(json, 400, "invalid_request");
    await expectError(await fetch(`${sandbox.loginServer}/oauth/token`), 405, "invalid_request");
  });

  it("garbage of every kind gets a 4xx JSON answer", async () => {
    const bodies = [
      "",
      "%",
      "&&&=",
      "grant_type=%FF%FE",
      "\u0000".repeat(100),
      "a=".repeat(2000),
      "x".repeat(70_000),
    ];
    for (const body of bodies) {
      const response = await fetch(`${sandbox.loginServer}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...auth() },
        body,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.json()).toHaveProperty("error");
    }
  });

  it("never logs a code, a secret or a token", async () => {
    expect(logLines.some((line) => line.startsWith("token:"))).toBe(true);
    for (const line of logLines) {
      expect(line).not.toContain(clientSecret);
      expect(line).not.toMatch(/[A-Za-z0-9_-]{32}/);
    }
  });
});
