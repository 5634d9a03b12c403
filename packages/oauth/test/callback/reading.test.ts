// The callback read and checked before anything is sent: every input form,
// the words of each refusal, and the provider's own error passed on with its
// code. Unit tests of callback.ts; callback.test.ts runs the same through a login.
import type * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { checkCallback, callbackQuery } from "../../src/callback.js";
import { ConnectIdError, type ConnectIdIssue } from "../../src/index.js";

const CALLBACK = "https://shop.example/callback?code=c&state=s";

describe("callbackQuery: what the callback is read from", () => {
  const code = (read: URLSearchParams | ConnectIdIssue) =>
    read instanceof URLSearchParams ? read.get("code") : read;

  it.each([
    ["a URL", new URL(CALLBACK)],
    ["a URL string", CALLBACK],
    ["a fetch Request", new Request(CALLBACK)],
    ["an object with its own absolute url", { url: CALLBACK }],
    ["URLSearchParams", new URLSearchParams("code=c&state=s")],
  ])("%s, without expectedOrigin", (_, input) => {
    expect(code(callbackQuery(input, undefined))).toBe("c");
  });

  it.each([
    ["a path", "/callback?code=c&state=s"],
    ["a Node request's url", { url: "/callback?code=c&state=s", method: "GET" }],
    ["a target that looks protocol-relative (a path all the same)", "//evil.example/cb?code=c"],
    ["a Request (counted by its path and query)", new Request("http://10.0.0.5/callback?code=c")],
  ])("%s with expectedOrigin", (_, input) => {
    expect(code(callbackQuery(input, "https://shop.example"))).toBe("c");
  });

  it("expectedOrigin may be any URL of the site: only its origin counts", () => {
    const read = callbackQuery("/callback?code=c", "https://shop.example/back?x=1#top");
    expect(code(read)).toBe("c");
  });

  it.each([
    ["a path without expectedOrigin", "/callback?code=c", undefined],
    ["a number", 5, undefined],
    ["an object without url", { href: CALLBACK }, undefined],
    ["nothing", undefined, "https://shop.example"],
  ])("%s: the callback issue, naming what it may be", (_, input, origin) => {
    const read = callbackQuery(input, origin);
    expect(read).not.toBeInstanceOf(URLSearchParams);
    const issue = read as ConnectIdIssue;
    expect(issue.field).toBe("callback");
    expect(issue.message).toMatch(/URL.*Request.*query.*expectedOrigin/);
  });

  it.each([
    ["not a URL", "shop.example"],
    ["http off loopback", "http://shop.example"],
    ["a number", 443],
  ])("an expectedOrigin %s: the expectedOrigin issue, with an example", (_, origin) => {
    const issue = callbackQuery(CALLBACK, origin) as ConnectIdIssue;
    expect(issue.field).toBe("expectedOrigin");
    expect(issue.message).toMatch(/must be an origin such as https:\/\//);
  });
});

describe("checkCallback: the parameters once checked", () => {
  const issuer = "https://login.example";
  const as = (extra: Partial<oauth.AuthorizationServer> = {}): oauth.AuthorizationServer => ({
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    ...extra,
  });
  const client = { client_id: "shop.example" };
  const check = (query: string, known?: string, server = as(), secrets: string[] = []) =>
    checkCallback(
      server,
      client,
      new URLSearchParams(query),
      { state: "s", issuer: known },
      secrets,
    );
  const thrown = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectIdError);
      return error as ConnectIdError;
    }
    throw new Error("expected a ConnectIdError");
  };

  it("a code and the right state: the parameters", () => {
    expect(check("code=c&state=s").get("code")).toBe("c");
  });

  it("an error given twice is bad input too", () => {
    const error = thrown(() => check("error=a&error=b&state=s"));
    expect(error).toMatchObject({
      code: "invalid_input",
      issues: [{ field: "error", message: expect.stringMatching(/once/) }],
    });
    expect(error.message).toMatch(/^Invalid callback: error /);
  });

  it("no code: invalid_input naming code", () => {
    const error = thrown(() => check("state=s"));
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([{ field: "code", message: expect.stringMatching(/missing/) }]);
    expect(error.message).toMatch(/^Invalid callback: code /);
  });

  it("another state: state_mismatch, saying to start a new login", () => {
    const error = thrown(() => check("code=c&state=other"));
    expect(error.code).toBe("state_mismatch");
    expect(error.message).toMatch(/state .*start a new login/);
  });

  it("access_denied: the customer said no, with the provider's description", () => {
    const error = thrown(() => check("error=access_denied&error_description=Cancelled&state=s"));
    expect(error).toMatchObject({
      code: "access_denied",
      oauthError: "access_denied",
      description: "Cancelled",
    });
    expect(error.message).toBe("The customer did not allow the login (access_denied): Cancelled");
  });

  it("any other error: provider_error, naming the login server and its error", () => {
    const error = thrown(() => check("error=temporarily_unavailable&state=s"));
    expect(error).toMatchObject({ code: "provider_error", oauthError: "temporarily_unavailable" });
    expect(error.description).toBeUndefined();
    expect(error.message).toBe("The login server (temporarily_unavailable)");
  });

  it("a code or secret echoed in the error is redacted", () => {
    const error = thrown(() =>
      check(
        "error=server_error&error_description=code+the-code-value+and+the-secret-value&code=the-code-value&state=s",
        undefined,
        as(),
        ["the-secret-value"],
      ),
    );
    expect(error.code).toBe("provider_error");
    expect(error.description).toBe("code [redacted] and [redacted]");
    expect(error.message).toBe("The login server (server_error): code [redacted] and [redacted]");
  });

  describe("the issuer (RFC 9207)", () => {
    it("unknown: an iss is not compared with anything", () => {
      expect(check("code=c&state=s&iss=https%3A%2F%2Fother.example").get("code")).toBe("c");
    });

    it("known: a foreign iss is named (at most 200 characters) next to the issuer", () => {
      const foreign = `https://evil.example/${"x".repeat(400)}`;
      const error = thrown(() =>
        check(`code=c&state=s&iss=${encodeURIComponent(foreign)}`, issuer),
      );
      expect(error.code).toBe("issuer_mismatch");
      expect(error.message).toContain(`"${foreign.slice(0, 200)}"`);
      expect(error.message).not.toContain(foreign.slice(0, 201));
      expect(error.message).toContain(`"${issuer}"`);
      expect(error.message).toMatch(/start a new login/);
    });

    it("known, no iss, and the server says it sends one: refused as naming no issuer", () => {
      const server = as({ authorization_response_iss_parameter_supported: true });
      const error = thrown(() => check("code=c&state=s", issuer, server));
      expect(error.code).toBe("issuer_mismatch");
      expect(error.message).toContain("names no issuer");
    });

    it("known, no iss, and the server does not say it sends one: accepted", () => {
      expect(check("code=c&state=s", issuer).get("code")).toBe("c");
      const server = as({ authorization_response_iss_parameter_supported: false });
      expect(check("code=c&state=s", issuer, server).get("code")).toBe("c");
    });
  });
});
