// The login server's own words and edges, as a developer reading a failed
// login sees them: each error's description at the redirect_uri, the problem
// pages, the log lines, the methods each endpoint takes, the metadata's
// headers, and the times the control tokens carry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { OAUTH_FACTS } from "../../src/oauth/context.js";
import { METADATA_PREFIX } from "../../src/oauth/metadata.js";
import { answerSignIn, authorizeUrl, REDIRECT_URI, requestIdOf } from "./helpers.js";

const TOKEN_LIFETIME_SECONDS = 1234;
let sandbox: Sandbox;
const lines: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({
    tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
    log: (line) => lines.push(line),
  });
});
afterAll(() => sandbox.close());

const valid = {
  response_type: "code",
  client_id: DEFAULT_OAUTH_CLIENT.clientId,
  redirect_uri: REDIRECT_URI,
  state: "st-2",
};
const CHALLENGE = "A".repeat(42) + "_";

/** GET the authorize endpoint; the error and description it sends back to the redirect_uri. */
async function sentBack(params: Record<string, string>, extra = "") {
  const response = await fetch(authorizeUrl(sandbox, params) + extra, { redirect: "manual" });
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location")!);
  expect(location.origin + location.pathname).toBe("http://127.0.0.1:8099/callback");
  expect(location.searchParams.get("state")).toBe(extra.includes("state=") ? null : "st-2");
  return {
    error: location.searchParams.get("error"),
    description: location.searchParams.get("error_description"),
  };
}

describe("GET /oauth/authorize, each error in its own words", () => {
  it.each(["response_type", "scope", "code_challenge", "code_challenge_method"])(
    "a repeated %s",
    async (name) => {
      const params = { ...valid, scope: "read", code_challenge: CHALLENGE };
      const once = { ...params, code_challenge_method: "S256" };
      expect(await sentBack(once, `&${name}=${encodeURIComponent(once[name as "scope"])}`)).toEqual(
        {
          error: "invalid_request",
          description: `${name} is repeated`,
        },
      );
    },
  );

  it("a repeated state: said, and no state sent back (which one would it be?)", async () => {
    expect(await sentBack(valid, "&state=again")).toEqual({
      error: "invalid_request",
      description: "state is repeated",
    });
  });

  it("a response_type other than code", async () => {
    expect(await sentBack({ ...valid, response_type: "token" })).toEqual({
      error: "unsupported_response_type",
      description: "response_type must be code",
    });
  });

  it("a scope beside the known ones, even with a known one", async () => {
    const description = `the scopes are ${OAUTH_FACTS.scopes.join(", ")}`;
    expect(await sentBack({ ...valid, scope: `${OAUTH_FACTS.scopes[0]} admin` })).toEqual({
      error: "invalid_scope",
      description,
    });
    expect(lines).toContain(`authorize: invalid_scope (${description})`);
  });

  it.each([
    ["a challenge without a method (plain, by default)", { code_challenge: CHALLENGE }],
    ["a method without a challenge", { code_challenge_method: "S256" }],
    ["the plain method", { code_challenge: CHALLENGE, code_challenge_method: "plain" }],
  ])("PKCE: %s", async (_, change) => {
    expect(await sentBack({ ...valid, ...change })).toEqual({
      error: "invalid_request",
      description: "PKCE needs code_challenge with code_challenge_method S256",
    });
  });

  it.each([
    ["44 characters", `${CHALLENGE}B`],
    ["a character before 43 good ones", `.${CHALLENGE}`],
    ["a character after 43 good ones", `${CHALLENGE}.`],
    ["42 characters", CHALLENGE.slice(1)],
  ])("PKCE: a challenge of %s", async (_, challenge) => {
    expect(
      await sentBack({ ...valid, code_challenge: challenge, code_challenge_method: "S256" }),
    ).toEqual({
      error: "invalid_request",
      description: "code_challenge must be a base64url SHA-256",
    });
  });

  it("takes no scope as every known scope, and a 43-character S256 challenge", async () => {
    const response = await fetch(
      authorizeUrl(sandbox, { ...valid, code_challenge: CHALLENGE, code_challenge_method: "S256" }),
    );
    expect(response.status).toBe(200);
    expect(requestIdOf(await response.text())).toBeDefined();
  });
});

describe("the problem pages", () => {
  const page = async (params: Record<string, string>, extra = "") => {
    const response = await fetch(authorizeUrl(sandbox, params) + extra, { redirect: "manual" });
    return { status: response.status, html: await response.text() };
  };

  it("an unknown client, and a client_id sent twice", async () => {
    for (const answer of [
      await page({ ...valid, client_id: "someone.else" }),
      await page(valid, `&client_id=${encodeURIComponent(valid.client_id)}`),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.html).toContain("Unknown client");
      expect(answer.html).toContain("client_id is missing or unknown.");
    }
  });

  it("a redirect_uri not registered", async () => {
    const answer = await page({ ...valid, redirect_uri: "https://evil.example/cb" });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain("Bad redirect_uri");
    expect(answer.html).toContain("redirect_uri is missing or not registered for this client.");
  });

  it("a sign-in answered twice", async () => {
    const html = await (await fetch(authorizeUrl(sandbox, valid))).text();
    const post = () =>
      fetch(`${sandbox.loginServer}${OAUTH_FACTS.authorizePath}`, {
        method: "POST",
        body: new URLSearchParams({ request: requestIdOf(html)!, customer: "ola" }),
        redirect: "manual",
      });
    expect((await post()).status).toBe(303);
    const again = await post();
    expect(again.status).toBe(400);
    const text = await again.text();
    expect(text).toContain("Sign-in expired");
    expect(text).toContain("This sign-in was already answered or is unknown; start again.");
  });

  it("a form too large to read", async () => {
    const response = await fetch(`${sandbox.loginServer}${OAUTH_FACTS.authorizePath}`, {
      method: "POST",
      body: `request=${"x".repeat(2 ** 21)}`,
    });
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text).toContain("Too large");
    expect(text).toContain("The form is too large.");
  });
});

describe("POST /oauth/authorize, the choice", () => {
  it("an unknown customer goes back as invalid_request, with the state", async () => {
    const location = await answerSignIn(sandbox, valid, { customer: "nobody" });
    expect(Object.fromEntries(location.searchParams)).toEqual({
      shop: "1",
      error: "invalid_request",
      error_description: "unknown customer",
      state: "st-2",
    });
  });

  it("a denial goes back as access_denied in the provider's words, and is logged", async () => {
    const location = await answerSignIn(sandbox, valid, { decision: "deny" });
    expect(location.searchParams.get("error_description")).toBe("The customer denied the request");
    expect(lines).toContain(`authorize: the customer denied ${DEFAULT_OAUTH_CLIENT.clientId}`);
  });

  it("a login is logged with the customer and the client", async () => {
    await answerSignIn(sandbox, valid, { customer: "sven" });
    expect(lines).toContain(
      `authorize: sven logged in to ${DEFAULT_OAUTH_CLIENT.clientId}; code sent to the redirect_uri`,
    );
  });
});

describe("methods and headers", () => {
  it("the authorize endpoint takes GET and POST only", async () => {
    const response = await fetch(`${sandbox.loginServer}${OAUTH_FACTS.authorizePath}`, {
      method: "PUT",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(await response.json()).toEqual({ error: "method_not_allowed" });
  });

  it("the metadata: GET and HEAD only, readable from any origin", async () => {
    const { origin, pathname } = new URL(sandbox.loginServer);
    const url = `${origin}${METADATA_PREFIX}${pathname}`;
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get("access-control-allow-origin")).toBe("*");
    expect(await got.json()).toMatchObject({ issuer: sandbox.loginServer });
    expect((await fetch(url, { method: "HEAD" })).status).toBe(200);
    const posted = await fetch(url, { method: "POST" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
    expect(await posted.json()).toEqual({ error: "method_not_allowed" });
  });
});

describe("the control tokens", () => {
  it("carry every known scope and expire after the token lifetime, as logged", () => {
    const before = Date.now();
    const signedIn = sandbox.signIn("ola");
    const client = sandbox.clientToken();
    const after = Date.now();
    for (const token of [signedIn, client]) {
      expect(token.scope).toBe(OAUTH_FACTS.scopes.join(" "));
      expect(token.expiresAt).toBeGreaterThanOrEqual(before + TOKEN_LIFETIME_SECONDS * 1000);
      expect(token.expiresAt).toBeLessThanOrEqual(after + TOKEN_LIFETIME_SECONDS * 1000);
    }
    expect(lines).toContain("sign-in: ola signed in without a browser (control)");
    expect(lines).toContain(`client token: ${DEFAULT_OAUTH_CLIENT.clientId} (control)`);
  });
});

describe("the sign-in page", () => {
  it("an HTML page no one caches, titled, with the first customer as the primary choice", async () => {
    const response = await fetch(authorizeUrl(sandbox, { ...valid, scope: "read" }));
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toMatch(/<title>Log in with ConnectID<\/title>/);
    expect(html).toContain('<h1 data-testid="login-title">Log in with ConnectID</h1>');
    expect(/<style>([^<]*)<\/style>/.exec(html)?.[1]).toMatch(/\.primary\s*\{/);
    expect(html.match(/class="primary"/g)).toHaveLength(1);
    expect(html).toMatch(/data-testid="login-as-kari" class="primary">Log in as Kari Nordmann</);
    expect(html).toMatch(/login-as-kari[^\n]*<\/button>\n {4}<button[^\n]*login-as-ola/);
  });

  it("sends no state back when the request had none", async () => {
    const { state: _, ...stateless } = valid;
    const location = await answerSignIn(sandbox, stateless, { decision: "deny" });
    expect(location.searchParams.has("state")).toBe(false);
    expect(location.searchParams.get("error")).toBe("access_denied");
  });
});
