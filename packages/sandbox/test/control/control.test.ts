// Driving the sandbox without a browser, from the handle and over the HTTP control path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LOGIN_SERVERS,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PAY_PAGE_PATH,
  PAYMENT_RESULT_STATUSES,
} from "../../../../openapi/fixtures.mjs";
import {
  SandboxControlError,
  startSandbox,
  type PayPageOutcome,
  type Sandbox,
} from "../../src/index.js";

const RETURN_URL = "https://shop.example/return?order=7";
const ERROR_URL = "https://shop.example/payment-error";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** What a merchant's route does: Pay invoice, then the pay link it would redirect to. */
async function payLink(
  target = sandbox,
  invoiceNumber = PAY_INVOICE_REQUEST.invoiceNumber,
): Promise<string> {
  const response = await fetch(`${target.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${target.signIn().accessToken}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ ...PAY_INVOICE_REQUEST, invoiceNumber, paymentMethod: "nexi" }),
  });
  const { transactionId } = (await response.json()) as { transactionId: number };
  const query = new URLSearchParams({
    clientId: "no.mediaconnect.test",
    returnUrl: RETURN_URL,
    errorUrl: ERROR_URL,
    transactionId: String(transactionId),
  });
  return `${target.loginServer}${PAY_PAGE_PATH}?${query}`;
}

describe("completePayment() on the handle", () => {
  it.each(PAYMENT_RESULT_STATUSES as readonly PayPageOutcome[])(
    "returns the exact return URL for %s",
    async (outcome) => {
      const location = sandbox.completePayment(await payLink(), outcome);
      expect(location).toBe(`${RETURN_URL}&paymentStatus=${outcome}`);
    },
  );

  it("sends a system error to errorUrl", async () => {
    expect(sandbox.completePayment(await payLink(), "system_error")).toBe(ERROR_URL);
  });

  it("gives errorUrl for a second decision, as the pay page would", async () => {
    const link = await payLink();
    sandbox.completePayment(link, "finished");
    expect(sandbox.completePayment(link, "cancelled")).toBe(ERROR_URL);
  });

  it("refuses a link to another server, an unknown payment, or an unknown outcome", async () => {
    const link = await payLink();
    expect(() =>
      sandbox.completePayment(`${LOGIN_SERVERS.norway}${PAY_PAGE_PATH}`, "finished"),
    ).toThrow(SandboxControlError);
    expect(() =>
      sandbox.completePayment(link.replace(/transactionId=\d+/, "transactionId=1"), "finished"),
    ).toThrow(/not a payment of this sandbox/);
    // @ts-expect-error: not one of the outcomes
    expect(() => sandbox.completePayment(link, "paid")).toThrow(/outcome must be one of/);
  });
});

describe("requests() and reset()", () => {
  it("records each API request, checked against the spec, without the token", async () => {
    const own = await startSandbox();
    try {
      await payLink(own);
      const { accessToken } = own.signIn();
      await fetch(`${own.apiUrl}${PAY_INVOICE_PATH}`, {
        method: "POST",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "text/plain" },
        body: "hello",
      });
      const [valid, invalid] = own.requests();
      expect(valid).toMatchObject({
        method: "POST",
        path: PAY_INVOICE_PATH,
        authorization: "Bearer [redacted]",
        status: 200,
        requestIssues: [],
        responseIssues: [],
      });
      expect(invalid!.status).toBe(415);
      expect(invalid!.requestIssues).toEqual(
        expect.arrayContaining([
          { field: "header Content-Type", message: "must be application/json" },
          { field: "body", message: "must be a JSON object" },
        ]),
      );
      expect(JSON.stringify(own.requests())).not.toContain(accessToken);

      own.reset();
      expect(own.requests()).toEqual([]);
      expect(own.transactions()).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it("two sandboxes share nothing", async () => {
    const [a, b] = await Promise.all([startSandbox(), startSandbox()]);
    try {
      await payLink(a);
      expect(a.transactions()).toHaveLength(1);
      expect(b.transactions()).toHaveLength(0);
      expect(a.apiUrl).not.toBe(b.apiUrl);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("the HTTP control path", () => {
  const post = (path: string, body: unknown, contentType = "application/json") =>
    fetch(`${sandbox.controlUrl}${path}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body: JSON.stringify(body),
    });

  it("lives under its own path, apart from the API and the login server", () => {
    expect(sandbox.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_sandbox$/);
    expect(sandbox.controlUrl.startsWith(sandbox.apiUrl)).toBe(false);
    expect(sandbox.controlUrl.startsWith(sandbox.loginServer)).toBe(false);
  });

  it("POST /complete returns the redirect location", async () => {
    const response = await post("/complete", { payUrl: await payLink(), outcome: "cancelled" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ location: `${RETURN_URL}&paymentStatus=cancelled` });
  });

  it("POST /complete answers 400 naming the problem", async () => {
    const response = await post("/complete", { payUrl: "nope", outcome: "finished" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "bad_request",
      message: "payUrl must be an absolute URL",
    });
  });

  it("refuses a form post (what another site could send) with 415", async () => {
    const response = await post("/reset", {}, "application/x-www-form-urlencoded");
    expect(response.status).toBe(415);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("GET /requests and /transactions, then POST /reset", async () => {
    const own = await startSandbox();
    try {
      await payLink(own);
      const requests = (await (await fetch(`${own.controlUrl}/requests`)).json()) as {
        requests: unknown[];
      };
      expect(requests.requests).toHaveLength(1);
      const listed = (await (await fetch(`${own.controlUrl}/transactions`)).json()) as {
        transactions: { id: number }[];
      };
      expect(listed.transactions.map((t) => t.id)).toEqual(own.transactions().map((t) => t.id));
      const reset = await fetch(`${own.controlUrl}/reset`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(reset.status).toBe(204);
      expect(own.requests()).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe("options", () => {
  it("refuses bad options at once, naming each", async () => {
    await expect(
      startSandbox({ port: -1, latencyMs: 1.5, statusParam: "a b", firstTransactionId: 0 }),
    ).rejects.toThrow(
      /port must be .*latencyMs must be .*firstTransactionId must be .*statusParam must be/,
    );
  });

  it("latencyMs delays every API answer", async () => {
    const slow = await startSandbox({ latencyMs: 200 });
    try {
      const started = Date.now();
      await payLink(slow);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      await slow.close();
    }
  });
});
