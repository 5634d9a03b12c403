// The callback as written: a parameter given twice is bad input (nothing
// sent), a known issuer is checked (RFC 9207), and the callback is read from
// the same inputs as a payment return: a URL, a Request, a path with its origin.
import { describe, expect, it } from "vitest";
import type { ConnectIdError } from "../../src/index.js";
import { rejectionOf } from "../helpers/sandbox.js";
import { callbackFor, STUB_REDIRECT, stubLogin } from "../helpers/stub.js";

describe("parameters given twice", () => {
  it.each([
    ["code", "code=one&code=two"],
    ["state", "code=one&state=other"],
    ["iss", "code=one&iss=https%3A%2F%2Fa.example&iss=https%3A%2F%2Fb.example"],
  ])("%s twice: invalid_input naming it, nothing sent", async (field, query) => {
    const { login, sent } = stubLogin();
    const { pending } = await login.startLogin();
    const error = (await rejectionOf(
      login.finishLogin(callbackFor(pending, query), pending),
    )) as ConnectIdError;
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([{ field, message: "must appear once in the callback URL" }]);
    expect(sent).toHaveLength(0);
  });
});

describe("the issuer (RFC 9207)", () => {
  const issuer = "https://login.example";

  it("with an issuer known, a callback naming another server is refused, nothing sent", async () => {
    const { login, sent } = stubLogin(undefined, { issuer });
    const { pending } = await login.startLogin();
    const foreign = callbackFor(
      pending,
      `code=c&iss=${encodeURIComponent("https://evil.example")}`,
    );
    const error = (await rejectionOf(login.finishLogin(foreign, pending))) as ConnectIdError;
    expect(error.code).toBe("issuer_mismatch");
    expect(error.message).toContain("https://evil.example");
    expect(sent).toHaveLength(0);
  });

  it("with an issuer known, its own iss (or none) is accepted", async () => {
    const { login, sent } = stubLogin(undefined, { issuer });
    for (const query of [`code=c&iss=${encodeURIComponent(issuer)}`, "code=c"]) {
      const { pending } = await login.startLogin();
      await expect(login.finishLogin(callbackFor(pending, query), pending)).resolves.toHaveProperty(
        "accessToken",
        "stub-access-token",
      );
    }
    expect(sent).toHaveLength(2);
  });
});

describe("the forms a callback is read from", () => {
  const origin = "https://shop.example";

  it("a path (Node's req.url) with expectedOrigin, as verifyPaymentReturn takes it", async () => {
    const { login, sent } = stubLogin();
    const { pending } = await login.startLogin();
    const path = `/callback?code=c&state=${pending.state}`;
    await expect(
      login.finishLogin(path, pending, { expectedOrigin: origin }),
    ).resolves.toHaveProperty("accessToken");
    expect(sent).toHaveLength(1);
  });

  it("a Node request (its own url) and URLSearchParams are read too", async () => {
    const { login } = stubLogin();
    const first = await login.startLogin();
    const req = { url: `/callback?code=c&state=${first.pending.state}`, method: "GET" };
    await expect(
      login.finishLogin(req as never, first.pending, { expectedOrigin: origin }),
    ).resolves.toHaveProperty("accessToken");
    const second = await login.startLogin();
    const query = new URLSearchParams({ code: "c", state: second.pending.state });
    await expect(login.finishLogin(query, second.pending)).resolves.toHaveProperty("accessToken");
  });

  it("a path without expectedOrigin, or a bad expectedOrigin: invalid_input, nothing sent", async () => {
    const { login, sent } = stubLogin();
    const { pending } = await login.startLogin();
    const path = `/callback?code=c&state=${pending.state}`;
    const noOrigin = (await rejectionOf(login.finishLogin(path, pending))) as ConnectIdError;
    expect(noOrigin.code).toBe("invalid_input");
    expect(noOrigin.issues?.[0]?.field).toBe("callback");
    const badOrigin = (await rejectionOf(
      login.finishLogin(path, pending, { expectedOrigin: "shop.example" }),
    )) as ConnectIdError;
    expect(badOrigin.issues?.[0]?.field).toBe("expectedOrigin");
    expect(sent).toHaveLength(0);
  });

  it("with expectedOrigin, a full URL counts by its path and query only", async () => {
    const { login } = stubLogin();
    const { pending } = await login.startLogin();
    const internal = `http://10.0.0.5:8080/callback?code=c&state=${pending.state}`;
    await expect(
      login.finishLogin(internal, pending, { expectedOrigin: origin }),
    ).resolves.toHaveProperty("accessToken");
    expect(STUB_REDIRECT.startsWith(origin)).toBe(true);
  });
});
