// completeLogin() against pages written for the test (through its `fetch`
// option): the sandbox's own login server is the proof in
// complete-login.test.ts; here are the edges it never shows. Redirects at
// each end of 3xx, a page that is not a sign-in page, the form as posted,
// and the entities of its HTML.
import { describe, expect, it } from "vitest";
import { completeLogin } from "../../src/complete-login.js";
import { SandboxControlError } from "../../src/index.js";

const AUTHORIZE = "https://login.test/user/oauth/authorize?client_id=shop";
const FORM = (action: string, request: string) =>
  `<form method="post" action="${action}" data-testid="login-form">` +
  `<input type="hidden" name="request" value="${request}">`;

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that answers each call in turn and records what was sent. */
function pages(...answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init });
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next;
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}
const html = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/html" } });
const redirect = (status: number, location?: string) =>
  new Response(null, { status, headers: location ? { location } : {} });

describe("completeLogin at the edges", () => {
  it("posts the form where it says, with its entities read, as a form", async () => {
    const { fetch, sent } = pages(
      html(200, FORM("/user/sign-in?a=1&amp;b=&quot;x&#39;&lt;&gt;", "r&amp;1")),
      redirect(303, "https://shop.example/callback?code=c"),
    );
    expect(await completeLogin(AUTHORIZE, { fetch, customer: "kari" })).toBe(
      "https://shop.example/callback?code=c",
    );
    expect(sent[1]!.url).toBe(new URL(`/user/sign-in?a=1&b="x'<>`, AUTHORIZE).href);
    expect(sent[1]!.init?.headers).toEqual({ "content-type": "application/x-www-form-urlencoded" });
    expect(new URLSearchParams(String(sent[1]!.init?.body)).get("request")).toBe("r&1");
  });

  it.each([300, 399])("follows a %i with a Location as the way back", async (status) => {
    const { fetch } = pages(redirect(status, "/cb?error=x"));
    expect(await completeLogin(AUTHORIZE, { fetch })).toBe("https://login.test/cb?error=x");
  });

  it.each([
    ["a 299 with a Location", redirect(299, "/cb")],
    ["a 400 with a Location", redirect(400, "/cb")],
    ["a 302 without one", redirect(302)],
  ])("does not follow %s", async (_, answer) => {
    const { fetch } = pages(answer);
    await expect(completeLogin(AUTHORIZE, { fetch })).rejects.toThrow(
      /^authorizationUrl did not open a sign-in page \(HTTP \d+\): not the sandbox's sign-in page$/,
    );
  });

  it("refuses a page that is not a sign-in page, or not a 200, naming its problem", async () => {
    const problem = pages(html(400, '<p data-testid="problem">Unknown client &amp; more</p>'));
    await expect(completeLogin(AUTHORIZE, problem)).rejects.toThrow(
      "authorizationUrl did not open a sign-in page (HTTP 400): Unknown client & more",
    );
    const notOk = pages(html(500, FORM("/user/sign-in", "r1")));
    await expect(completeLogin(AUTHORIZE, notOk)).rejects.toThrow("(HTTP 500)");
    const formOnly = pages(html(200, '<form method="post" action="/x" data-testid="login-form">'));
    await expect(completeLogin(AUTHORIZE, formOnly)).rejects.toBeInstanceOf(SandboxControlError);
  });

  it("names a sign-in that does not send the customer back", async () => {
    const { fetch } = pages(
      html(200, FORM("/user/sign-in", "r1")),
      html(400, '<p data-testid="problem">Expired</p>'),
    );
    await expect(completeLogin(AUTHORIZE, { fetch })).rejects.toThrow(
      "the sign-in page did not send the customer back (HTTP 400): Expired",
    );
  });

  it("sends nothing for a URL that is not an http(s) authorize page", async () => {
    const { fetch, sent } = pages();
    for (const url of ["xhttp://login.test/oauth/authorize", "https://login.test/oauth/token"]) {
      await expect(completeLogin(url, { fetch })).rejects.toThrow(
        "authorizationUrl must be a login server's {loginServer}/oauth/authorize URL",
      );
    }
    expect(sent).toEqual([]);
  });
});
