// Prism's validating proxy (Stoplight's, not ours) between the client and the
// sandbox: every request the client sends and every answer the sandbox gives
// is checked against the spec by a tool that shares none of our code. Prism
// adds an `sl-violations` header to an exchange that breaks the spec; here
// none may carry one, apart from the requests that are wrong on purpose.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import {
  ConnectError,
  createConnectClient,
  PAYMENT_CHANGE_METHODS,
  PAYMENT_METHODS,
  type ConnectClient,
} from "@connect-payment/client";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PRODUCT_CODE,
  SPEC_PATH,
} from "../../openapi/fixtures.mjs";

interface Violation {
  location: string[];
  message: string;
}
interface Exchange {
  method: string;
  path: string;
  status: number;
  violations: Violation[];
}

const prismCli = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist",
  "index.js",
);

let sandbox: Sandbox;
let prism: ChildProcess;
let proxyUrl: string;
const exchanges: Exchange[] = [];
// The spec's example requests, with a payment method typed as the client takes it.
const payRequest = { ...PAY_INVOICE_REQUEST, paymentMethod: PAYMENT_METHODS[0] };
const changeRequest = {
  ...CHANGE_PAYMENT_METHOD_REQUEST,
  paymentMethod: PAYMENT_CHANGE_METHODS[0],
};

/** A fetch that keeps what Prism said about each exchange. */
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  const header = response.headers.get("sl-violations");
  exchanges.push({
    method: request.method,
    path: new URL(request.url).pathname,
    status: response.status,
    violations: header ? (JSON.parse(header) as Violation[]) : [],
  });
  return response;
};

function clientWith(accessToken: string): ConnectClient {
  // No retries: each exchange is looked at once, a 429 and a 500 included.
  return createConnectClient({
    baseUrl: proxyUrl,
    accessToken,
    fetch: recordingFetch,
    maxRetries: 0,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ paidRecordDelayMs: 0 });
  const port = await freePort();
  prism = spawn(
    process.execPath,
    [prismCli, "proxy", SPEC_PATH, sandbox.apiUrl, "--host", "127.0.0.1", "--port", String(port)],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  proxyUrl = `http://127.0.0.1:${port}`;
  await listening(prism);
}, 120_000);

afterAll(async () => {
  prism?.kill();
  await sandbox?.close();
});

describe("Prism's validating proxy between the client and the sandbox", () => {
  test("every operation, answered as it should be, breaks no rule of the spec", async () => {
    const customer = clientWith(sandbox.signIn("kari").accessToken);
    const { invoices } = await customer.listInvoices(PRODUCT_CODE, { unpaid: true });
    expect(invoices.length).toBeGreaterThan(0);
    const paid = await customer.payInvoice(payRequest);
    expect(paid.transactionId).toBeGreaterThan(0);
    expect((await customer.listPaymentMethods(PRODUCT_CODE)).length).toBeGreaterThan(0);
    await customer.changePaymentMethod(PRODUCT_CODE, changeRequest);
    const shop = clientWith(sandbox.clientToken().accessToken);
    const [first] = sandbox.invoices("kari");
    expect(first).toBeDefined();
    await shop.listClientInvoicesForProduct(Number(first!.customerNumber), PRODUCT_CODE);
    await shop.listClientInvoices(Number(first!.customerNumber));

    const seen = exchanges.splice(0);
    expect(seen.map((exchange) => exchange.status)).toEqual(seen.map(() => 200));
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(seen.filter((exchange) => exchange.violations.length)).toEqual([]);
  });

  test("the sandbox's error answers (400, 401, 429, 500) are the ones the spec declares", async () => {
    const customer = clientWith(sandbox.signIn("kari").accessToken);
    const triggers = ["badRequest", "expiredToken", "rateLimited", "serverError"] as const;
    for (const trigger of triggers) {
      const call = customer.payInvoice({
        ...payRequest,
        invoiceNumber: SANDBOX_TRIGGERS[trigger],
      });
      await expect(call).rejects.toBeInstanceOf(ConnectError);
    }
    const seen = exchanges.splice(0);
    expect(seen.map((exchange) => exchange.status)).toEqual([400, 401, 429, 500]);
    expect(seen.filter((exchange) => exchange.violations.length)).toEqual([]);
  });

  test("a body that is not JSON, and one too large: Prism flags the request, never the answer", async () => {
    const { accessToken } = sandbox.signIn("kari");
    const post = (body: string, contentType: string) =>
      recordingFetch(`${proxyUrl}${PAY_INVOICE_PATH}`, {
        method: "POST",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": contentType },
        body,
      });
    await post("invoice=1", "text/plain");
    await post(JSON.stringify({ ...payRequest, pad: "x".repeat(70 * 1024) }), "application/json");
    const seen = exchanges.splice(0);
    expect(seen.map((exchange) => exchange.status)).toEqual([415, 413]);
    // Prism is looking: the text body is flagged on the request's side.
    expect(seen[0]!.violations.map((violation) => violation.location[0])).toContain("request");
    const onAnswers = seen.flatMap((exchange) =>
      exchange.violations.filter((violation) => violation.location[0] === "response"),
    );
    expect(onAnswers).toEqual([]);
  });
});

/** Resolves once Prism says it listens; rejects with its output if it exits first. */
function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`prism exited (${code}):\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
