// The request log is bounded: refused requests keep an excerpt, the log keeps
// a limited count and size, and no body (however deeply nested) breaks it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { nestedArrays } from "./helpers.js";
import { PAY_INVOICE_PATH, PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const invoiceUrl = () => `${sandbox.apiUrl}${PAY_INVOICE_PATH}`;
const logBytes = (requests: unknown) => Buffer.byteLength(JSON.stringify(requests));

describe("the request log", () => {
  it("keeps only an excerpt of a request refused with 401", async () => {
    sandbox.reset();
    const body = JSON.stringify({
      invoiceNumber: PAY_INVOICE_REQUEST.invoiceNumber,
      padding: "x".repeat(60_000),
    });
    const response = await fetch(invoiceUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(401);
    const [entry] = sandbox.requests();
    expect(entry?.status).toBe(401);
    expect(typeof entry?.body).toBe("string");
    expect((entry?.body as string).length).toBeLessThanOrEqual(1024);
    expect(body.startsWith(entry?.body as string)).toBe(true);
    expect(entry?.bodyTruncated).toBe(true);
  });

  it("stays bounded in bytes after 300 large refused requests", async () => {
    sandbox.reset();
    const body = JSON.stringify({ padding: "x".repeat(60_000) });
    for (let round = 0; round < 30; round++) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(invoiceUrl(), {
            method: "POST",
            headers: { "content-type": "application/json", authorization: "Bearer unknown" },
            body,
          }).then((r) => r.arrayBuffer()),
        ),
      );
    }
    const requests = sandbox.requests();
    expect(requests).toHaveLength(300);
    // 300 × 60 KB is 17 MiB whole; excerpts keep it well under 1 MiB.
    expect(logBytes(requests)).toBeLessThan(1024 * 1024);
  });

  it("keeps at most maxLoggedRequests entries, dropping the oldest", async () => {
    const small = await startSandbox({ maxLoggedRequests: 5 });
    try {
      for (let n = 0; n < 8; n++) {
        await fetch(`${small.apiUrl}${PAY_INVOICE_PATH}?n=${n}`, { method: "POST" });
      }
      const requests = small.requests();
      expect(requests).toHaveLength(5);
      expect(requests.map((r) => r.path)).toEqual(Array(5).fill(PAY_INVOICE_PATH));
    } finally {
      await small.close();
    }
  });

  it("keeps the total size of accepted bodies under its byte budget", async () => {
    const small = await startSandbox({ maxLoggedBytes: 200_000 });
    try {
      const { accessToken } = small.signIn();
      for (let n = 0; n < 10; n++) {
        await fetch(`${small.apiUrl}${PAY_INVOICE_PATH}`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ invoiceNumber: String(n), note: "y".repeat(50_000) }),
        }).then((r) => r.arrayBuffer());
      }
      const requests = small.requests();
      expect(logBytes(requests)).toBeLessThanOrEqual(200_000);
      expect(requests.length).toBeGreaterThan(0);
      // The newest is kept.
      expect((requests.at(-1)?.body as { invoiceNumber: string }).invoiceNumber).toBe("9");
    } finally {
      await small.close();
    }
  });

  it("survives a deeply nested body: requests() and GET /_sandbox/requests answer", async () => {
    sandbox.reset();
    const { accessToken } = sandbox.signIn();
    const nested = nestedArrays(20_000);
    for (const body of [nested, `{"invoiceNumber":${nested}}`]) {
      const response = await fetch(invoiceUrl(), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
        body,
      });
      expect(response.status).toBe(400);
    }
    const requests = sandbox.requests();
    expect(requests).toHaveLength(2);
    expect(typeof requests[0]?.body).toBe("string");
    const overHttp = await fetch(`${sandbox.controlUrl}/requests`);
    expect(overHttp.status).toBe(200);
    expect(((await overHttp.json()) as { requests: unknown[] }).requests).toHaveLength(2);
  });
});
