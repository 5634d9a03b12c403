// The Host rule's pieces on their own: which names are loopback, how a Host
// header is read, which names `allowedHosts` takes, the 421's words and the
// warning for a listen host other machines may reach.
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import {
  createHostCheck,
  exposureWarning,
  hostName,
  isHostName,
  isLoopbackName,
  refuseHost,
} from "../../src/host-check.js";

/** A real request object with only this Host header. */
function withHost(host: string | undefined): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.headers = host === undefined ? {} : { host };
  return request;
}

describe("loopback names", () => {
  it.each(["localhost", "LocalHost", "[::1]", "127.0.0.1", "127.255.255.255", "127.10.200.3"])(
    "%s is loopback",
    (name) => expect(isLoopbackName(name)).toBe(true),
  );
  it.each([
    "127.0.0.256",
    "127.256.0.1",
    "127.0.256.1",
    "x127.0.0.1",
    "127.0.0.1x",
    "[::2]",
    "10.0.0.1",
    "127.0.0",
  ])("%s is not", (name) => expect(isLoopbackName(name)).toBe(false));
});

describe("the name part of a Host header", () => {
  it.each([
    ["Example.TEST:8080", "example.test"],
    [" example.test ", "example.test"],
    ["example.test", "example.test"],
    ["[::1]:4010", "[::1]"],
    ["[::1]", "[::1]"],
    ["[::1", "[::1"],
    ["[FE80::1]:80", "[fe80::1]"],
  ])("%j names %j", (header, name) => expect(hostName(header)).toBe(name));
});

describe("the names allowedHosts takes", () => {
  it.each(["sandbox.test", "a", "a-b.c1", "[::1]", "[fe80::1]", "x".repeat(63)])("%s", (name) =>
    expect(isHostName(name)).toBe(true),
  );
  it.each([
    ["a space", "bad host"],
    ["a slash", "host/"],
    ["a leading dash", "-host"],
    ["a trailing dash", "host-"],
    ["a label ending in a dash", "a-.test"],
    ["an empty label", "a..test"],
    ["text before an IPv6 literal", "x[::1]"],
    ["text after an IPv6 literal", "[::1]x"],
    ["an empty IPv6 literal", "[]"],
    ["a port", "host:80"],
    ["254 characters", `${"a.".repeat(126)}ab`],
    ["a number", 42],
    ["a list holding a name", ["sandbox"]],
  ])("not %s", (_, name) => expect(isHostName(name)).toBe(false));
  it("takes a name of 253 characters", () => {
    expect(isHostName(`${"a.".repeat(126)}a`)).toBe(true);
  });
});

describe("the check of a request's Host", () => {
  it("answers loopback, the listen host and the allowed names, and nothing without a Host", () => {
    const check = createHostCheck("::1", ["Sandbox.test", "fe80::2"]);
    expect(check(withHost("[::1]:80"))).toBe(true);
    expect(check(withHost("sandbox.test:80"))).toBe(true);
    expect(check(withHost("[fe80::2]:80"))).toBe(true);
    expect(check(withHost("other.test"))).toBe(false);
    expect(check(withHost(undefined))).toBe(false);
    expect(check(withHost(""))).toBe(false);
  });
});

describe("the 421", () => {
  it("names the Host it refused, cut to 100 characters", () => {
    const sent: { status?: number; body?: string } = {};
    const response = new ServerResponse(withHost(undefined));
    response.writeHead = ((status: number) => {
      sent.status = status;
      return response;
    }) as ServerResponse["writeHead"];
    response.end = ((body: string) => {
      sent.body = body;
      return response;
    }) as ServerResponse["end"];
    refuseHost(withHost(`${"h".repeat(150)}:80`), response);
    expect(sent.status).toBe(421);
    const { error, message } = JSON.parse(sent.body!) as { error: string; message: string };
    expect(error).toBe("misdirected_request");
    expect(message).toContain(`Host "${"h".repeat(100)}" is not a name of this sandbox`);
    refuseHost(withHost(undefined), response);
    expect(JSON.parse(sent.body!).message).toMatch(/^Host "" is not/);
  });
});

describe("the warning for a listen host", () => {
  it("says nothing for loopback, IPv6 loopback included, and names any other host", () => {
    expect(exposureWarning("127.0.0.1")).toBeUndefined();
    expect(exposureWarning("::1")).toBeUndefined();
    expect(exposureWarning("[::1]")).toBeUndefined();
    expect(exposureWarning("::")).toContain("warning: host :: is not loopback");
    expect(exposureWarning("0.0.0.0")).toContain("warning: host 0.0.0.0 is not loopback");
  });
});
