// The control path's own answers, word for word: the 404 of a path or method
// it does not have, the 415 and 413 of a body it cannot read, a customer's
// record by name, and the outcome rule's words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { newPayLink } from "../login/helpers.js";

let sandbox: Sandbox;
const logLines: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ log: (line) => logLines.push(line) });
});
afterAll(() => sandbox.close());

const control = (path: string, init?: RequestInit) => fetch(`${sandbox.controlUrl}${path}`, init);
const pathOf = (path: string) => new URL(`${sandbox.controlUrl}${path}`).pathname;
const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
  control(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("the control path's answers", () => {
  it("names a path or a method it does not have", async () => {
    for (const [path, method] of [
      ["/nothing", "GET"],
      ["/nothing", "POST"],
      ["/reset", "GET"],
      ["/requests", "POST"],
      ["/transactions", "DELETE"],
    ] as const) {
      const response = await control(path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toEqual({ error: "not_found", path: pathOf(path) });
    }
  });

  it("refuses a body that is not JSON, and one too large, with their words", async () => {
    const typed = await control("/sign-in", {
      method: "POST",
      headers: { "content-type": "text/plain; see application/json" },
      body: "{}",
    });
    expect(typed.status).toBe(415);
    expect(await typed.json()).toEqual({ error: "unsupported_media_type", message: "send JSON" });
    const large = await postJson("/sign-in", JSON.stringify({ pad: "x".repeat(70 * 1024) }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ error: "payload_too_large", message: "at most 64 KiB" });
  });

  it("answers a body that is not JSON with a 400, not a 413", async () => {
    const response = await postJson("/sign-in", "{not json");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "bad_request" });
  });

  it("reads one customer's record by name, and every customer's without one", async () => {
    const all = (await (await control("/invoices")).json()) as {
      invoices: { customer?: string }[];
    };
    const one = (await (await control("/invoices?customer=kari")).json()) as {
      invoices: unknown[];
    };
    expect(one.invoices).toEqual(sandbox.invoices("kari"));
    expect(all.invoices).toEqual(sandbox.invoices());
    expect(all.invoices.length).toBeGreaterThan(one.invoices.length);
  });

  it("names the outcomes it takes, and which kind of link it could not open", async () => {
    const outcome = await postJson("/complete", JSON.stringify({ payUrl: "x", outcome: "maybe" }));
    expect(outcome.status).toBe(400);
    expect(((await outcome.json()) as { message: string }).message).toMatch(
      /^outcome must be one of finished, cancelled, failed, /,
    );
  });
});

describe("the log lines of a payment finished through the control path", () => {
  it("names the transaction and the outcome, then the refusal of a second one", async () => {
    const { transactionId, payUrl } = await newPayLink(sandbox, {
      clientId: "shop",
      returnUrl: "https://shop.example/return",
      errorUrl: "https://shop.example/error",
    });
    logLines.length = 0;
    sandbox.completePayment(payUrl, "finished");
    expect(logLines).toEqual([`transaction ${transactionId}: finished (control)`]);
    expect(sandbox.completePayment(payUrl, "cancelled")).toBe("https://shop.example/error");
    expect(logLines[1]).toMatch(/^control: .+; redirecting to errorUrl$/);
  });
});
