// {login}/oauth/authorize: the sign-in page and where the customer's choice leads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "../../src/index.js";
import { answerSignIn, authorizeUrl, REDIRECT_URI, requestIdOf } from "./helpers.js";

let sandbox: Sandbox;
let odd: Sandbox;
beforeAll(async () => {
  [sandbox, odd] = await Promise.all([
    startSandbox(),
    startSandbox({
      oauth: {
        clients: [
          { clientId: "<b>shop</b>", clientSecret: "x", redirectUris: ["https://shop.example/cb"] },
        ],
      },
    }),
  ]);
});
afterAll(() => Promise.all([sandbox.close(), odd.close()]));

const valid = {
  response_type: "code",
  client_id: DEFAULT_OAUTH_CLIENT.clientId,
  redirect_uri: REDIRECT_URI,
  scope: "read",
  state: "st-1",
};

describe("GET /oauth/authorize", () => {
  it("shows the sign-in page with test customers and a deny choice, unframeable", async () => {
    const response = await fetch(authorizeUrl(sandbox, valid));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    for (const id of ["kari", "ola", "sven"])
      expect(html).toContain(`data-testid="login-as-${id}"`);
    expect(html).toContain('data-testid="login-deny"');
    expect(requestIdOf(html)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("escapes what it shows", async () => {
    const response = await fetch(
      authorizeUrl(odd, {
        ...valid,
        client_id: "<b>shop</b>",
        redirect_uri: "https://shop.example/cb",
      }),
    );
    const html = await response.text();
    expect(html).toContain("&lt;b&gt;shop&lt;/b&gt;");
    expect(html).not.toContain("<b>shop</b>");
  });

  it.each([
    ["an unknown client_id", { client_id: "someone.else" }],
    ["no client_id", { client_id: "" }],
    ["a redirect_uri off loopback", { redirect_uri: "https://evil.example/cb" }],
    ["a redirect_uri with a fragment", { redirect_uri: "http://127.0.0.1/cb#x" }],
  ])("with %s: a 400 page and no redirect", async (_, change) => {
    const response = await fetch(authorizeUrl(sandbox, { ...valid, ...change }), {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });

  it.each([
    ["unsupported_response_type", { response_type: "token" }],
    ["invalid_scope", { scope: "admin" }],
    ["invalid_request", { code_challenge: "short", code_challenge_method: "S256" }],
    ["invalid_request", { code_challenge: "a".repeat(43), code_challenge_method: "plain" }],
  ])("answers %s back at the redirect_uri, with the state", async (error, change) => {
    const response = await fetch(authorizeUrl(sandbox, { ...valid, ...change }), {
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") as string);
    expect(location.origin + location.pathname).toBe("http://127.0.0.1:8099/callback");
    expect(location.searchParams.get("shop")).toBe("1");
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("state")).toBe("st-1");
  });

  it("rejects a repeated parameter", async () => {
    const url = `${authorizeUrl(sandbox, valid)}&state=again`;
    const response = await fetch(url, { redirect: "manual" });
    expect(new URL(response.headers.get("location") as string).searchParams.get("error")).toBe(
      "invalid_request",
    );
  });
});

describe("POST /oauth/authorize", () => {
  it("redirects with a code and the state when a customer logs in", async () => {
    const location = await answerSignIn(sandbox, valid);
    expect(location.searchParams.get("code")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(location.searchParams.get("state")).toBe("st-1");
    expect(location.searchParams.get("shop")).toBe("1");
  });

  it("redirects with access_denied when the customer denies", async () => {
    const location = await answerSignIn(sandbox, valid, { decision: "deny" });
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("code")).toBeNull();
    expect(location.searchParams.get("state")).toBe("st-1");
  });

  it("answers each sign-in once, and refuses unknown ones", async () => {
    const html = await (await fetch(authorizeUrl(sandbox, valid))).text();
    const request = requestIdOf(html) as string;
    const post = (body: Record<string, string>) =>
      fetch(`${sandbox.loginServer}/oauth/authorize`, {
        method: "POST",
        body: new URLSearchParams(body),
        redirect: "manual",
      });
    expect((await post({ request, customer: "ola" })).status).toBe(303);
    expect((await post({ request, customer: "ola" })).status).toBe(400);
    expect((await post({ request: "made-up", customer: "ola" })).status).toBe(400);
    expect((await post({})).status).toBe(400);
  });
});
