// The answers every operation shares, word for word, as a merchant's code
// receives them over node:http: CORS, the 404 of a path the API does not have,
// the 401 without a token, the 415 naming the media type, the rate-limit
// headers, the 429's body, an upload cut off halfway, and the pages' 405.
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PAY_INVOICE_PATH, PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import { RATE_LIMIT_PER_MINUTE } from "../../src/answers.js";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "../../src/index.js";
import { PAY_PAGE_PATH } from "../../src/login.js";
import { LOGIN_BASE } from "../../src/routes.js";

let sandbox: Sandbox;
const logLines: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ log: (line) => logLines.push(line) });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const payUrl = () => `${sandbox.apiUrl}${PAY_INVOICE_PATH}`;
const bearer = () => `Bearer ${sandbox.signIn("kari").accessToken}`;

function pay(body: unknown, headers: Record<string, string>) {
  return fetch(payUrl(), { method: "POST", headers, body: JSON.stringify(body) });
}

describe("the answers every operation shares", () => {
  it("opens every answer to any origin, and names the methods in a preflight", async () => {
    const answer = await fetch(payUrl());
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await fetch(payUrl(), { method: "OPTIONS" });
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("names the path the API does not have", async () => {
    const response = await fetch(`${sandbox.apiUrl}/v1/elsewhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: "not_found",
      path: new URL(`${sandbox.apiUrl}/v1/elsewhere`).pathname,
    });
  });

  it("says how to send a token when none came", async () => {
    const response = await pay(PAY_INVOICE_REQUEST, { "content-type": "application/json" });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="connect-payment-sandbox"');
    expect(await response.json()).toEqual({
      error: "invalid_token",
      error_description: "Send Authorization: Bearer <access token>.",
    });
  });

  it("names the media type it refuses, or says none came", async () => {
    const typed = await pay(PAY_INVOICE_REQUEST, {
      authorization: bearer(),
      "content-type": "Text/CSV; charset=utf-8",
    });
    expect(typed.status).toBe(415);
    expect(await typed.json()).toMatchObject({
      errorMessage: 'Content-Type must be application/json, got "text/csv"',
    });
    const untyped = await fetch(payUrl(), {
      method: "POST",
      headers: { authorization: bearer() },
      body: new Uint8Array(Buffer.from(JSON.stringify(PAY_INVOICE_REQUEST))),
    });
    expect(untyped.status).toBe(415);
    expect(await untyped.json()).toMatchObject({
      errorMessage: "Content-Type must be application/json, got none",
    });
  });

  it("sends the rate-limit headers with a success when the limits are not counted", async () => {
    const response = await pay(PAY_INVOICE_REQUEST, {
      authorization: bearer(),
      "content-type": "application/json",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-remaining")).toBe(String(RATE_LIMIT_PER_MINUTE - 1));
    expect(response.headers.get("x-ratelimit-reset")).toBe("60");
  });

  it("answers the rate-limit trigger with the 429's body", async () => {
    const response = await pay(
      { ...PAY_INVOICE_REQUEST, invoiceNumber: SANDBOX_TRIGGERS.rateLimited },
      { authorization: bearer(), "content-type": "application/json" },
    );
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: "rate_limited" });
  });

  it("keeps the whole body of a request it answered, and only an excerpt of one refused", async () => {
    await pay(PAY_INVOICE_REQUEST, { authorization: bearer(), "content-type": "application/json" });
    expect(sandbox.requests().at(-1)).toMatchObject({ status: 200, body: PAY_INVOICE_REQUEST });
    await pay(PAY_INVOICE_REQUEST, { "content-type": "application/json" });
    expect(sandbox.requests().at(-1)).toMatchObject({
      status: 401,
      body: JSON.stringify(PAY_INVOICE_REQUEST),
    });
  });

  it("logs nothing for an upload cut off halfway, and stays up", async () => {
    const { host, port, pathname } = new URL(payUrl());
    const socket = connect(Number(port), host.replace(/:\d+$/, "").replace(/^\[|\]$/g, ""));
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST ${pathname} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
        `Authorization: ${bearer()}\r\nContent-Length: 100\r\n\r\n{"invoice`,
    );
    await vi.waitFor(() => expect(sandbox.requests()).toEqual([]));
    socket.destroy();
    await vi.waitFor(() => expect(logLines.some((line) => line.includes("aborted"))).toBe(true), {
      timeout: 5000,
    });
    expect(sandbox.requests()).toEqual([]);
    const after = await pay(PAY_INVOICE_REQUEST, {
      authorization: bearer(),
      "content-type": "application/json",
    });
    expect(after.status).toBe(200);
  });
});

describe("the login server's pages", () => {
  it("take GET and POST, and refuse another method by name", async () => {
    const response = await fetch(`${sandbox.loginServer}${PAY_PAGE_PATH}`, { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(await response.json()).toEqual({ error: "method_not_allowed" });
    expect(LOGIN_BASE).toBe(new URL(sandbox.loginServer).pathname);
  });
});
