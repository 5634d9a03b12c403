// A login is one family of tokens: the code's exchange and every refresh
// after it. A second use of the code, or a rotated-out refresh token shown
// again (taken as theft), revokes the whole family. The second can be turned off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { answerSignIn, basic, REDIRECT_URI, tokenRequest } from "../oauth/helpers.js";
import { paymentMethodPath, PRODUCT_CODE } from "../../../../openapi/fixtures.mjs";

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
const auth = { authorization: basic(clientId, clientSecret) };

let strict: Sandbox;
let lenient: Sandbox;
beforeAll(async () => {
  [strict, lenient] = await Promise.all([
    startSandbox(),
    startSandbox({ oauth: { refreshTokenReuseDetection: false } }),
  ]);
});
afterAll(() => Promise.all([strict.close(), lenient.close()]));

interface Tokens {
  access_token: string;
  refresh_token: string;
}

async function codeOf(sandbox: Sandbox): Promise<string> {
  const back = await answerSignIn(sandbox, {
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    state: "s",
  });
  return back.searchParams.get("code") as string;
}

const exchange = (sandbox: Sandbox, code: string) =>
  tokenRequest(
    sandbox,
    { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI },
    auth,
  );
const refresh = (sandbox: Sandbox, refreshToken: string) =>
  tokenRequest(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken }, auth);

async function apiAccepts(sandbox: Sandbox, accessToken: string): Promise<boolean> {
  const response = await fetch(`${sandbox.apiUrl}${paymentMethodPath(PRODUCT_CODE)}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return response.status !== 401;
}

describe("a second use of the code", () => {
  it("revokes the tokens obtained by refreshing, too", async () => {
    const code = await codeOf(strict);
    const first = (await (await exchange(strict, code)).json()) as Tokens;
    const refreshed = (await (await refresh(strict, first.refresh_token)).json()) as Tokens;
    expect(await apiAccepts(strict, refreshed.access_token)).toBe(true);

    const again = await exchange(strict, code);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe("invalid_grant");

    expect(await apiAccepts(strict, first.access_token)).toBe(false);
    expect(await apiAccepts(strict, refreshed.access_token)).toBe(false);
    expect((await refresh(strict, refreshed.refresh_token)).status).toBe(400);
  });
});

describe("refresh-token reuse detection (on by default)", () => {
  it("a rotated-out refresh token shown again revokes the whole login", async () => {
    const first = (await (await exchange(strict, await codeOf(strict))).json()) as Tokens;
    const second = (await (await refresh(strict, first.refresh_token)).json()) as Tokens;
    const reuse = await refresh(strict, first.refresh_token);
    expect(reuse.status).toBe(400);
    const body = (await reuse.json()) as { error: string; error_description: string };
    expect(body.error).toBe("invalid_grant");
    expect(body.error_description).toMatch(/reuse/i);
    // The newest refresh token and every access token of the login are gone.
    expect((await refresh(strict, second.refresh_token)).status).toBe(400);
    expect(await apiAccepts(strict, second.access_token)).toBe(false);
    expect(await apiAccepts(strict, first.access_token)).toBe(false);
  });

  it("covers logins from signIn() too, and leaves other logins alone", async () => {
    const mine = strict.signIn("kari");
    const other = strict.signIn("ola");
    const rotated = (await (await refresh(strict, mine.refreshToken)).json()) as Tokens;
    expect((await refresh(strict, mine.refreshToken)).status).toBe(400);
    expect(await apiAccepts(strict, rotated.access_token)).toBe(false);
    expect(await apiAccepts(strict, other.accessToken)).toBe(true);
    expect((await refresh(strict, other.refreshToken)).status).toBe(200);
  });

  it("refreshTokenReuseDetection: false refuses the old token but keeps the login", async () => {
    const first = (await (await exchange(lenient, await codeOf(lenient))).json()) as Tokens;
    const second = (await (await refresh(lenient, first.refresh_token)).json()) as Tokens;
    expect((await refresh(lenient, first.refresh_token)).status).toBe(400);
    expect(await apiAccepts(lenient, second.access_token)).toBe(true);
    expect((await refresh(lenient, second.refresh_token)).status).toBe(200);
  });

  it("rejects a refreshTokenReuseDetection that is not a boolean", async () => {
    await expect(
      startSandbox({ oauth: { refreshTokenReuseDetection: "no" as unknown as boolean } }),
    ).rejects.toThrow(/refreshTokenReuseDetection/);
  });
});
