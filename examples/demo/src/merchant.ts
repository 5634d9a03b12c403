// The merchant: an invoice page, POST /pay → payInvoice → redirect to the
// login server, and a return page that verifies what comes back.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectError, createConnectClient, PAYMENT_METHODS } from "@connect-payment/client";
import {
  bindReturnUrl,
  buildInvoicePaymentUrl,
  canRetry,
  isPaid,
  verifyPaymentReturn,
} from "@connect-payment/redirect";
import type { PaymentMethod } from "@connect-payment/types";
import { DEMO_INVOICE } from "./invoice.js";
import type { DemoLogin } from "./login.js";
import {
  apiErrorPage,
  invoicePage,
  notFoundPage,
  returnPage,
  systemErrorPage,
  verificationFailedPage,
} from "./pages.js";

export interface MerchantOptions {
  /** Base URL of the Connect API (the sandbox's `apiUrl`). */
  apiUrl: string;
  /** Base URL of the ConnectID login server (the sandbox's `loginServer`). */
  loginServer: string;
  /** In a real shop: the logged-in customer's OAuth access token. */
  accessToken: string;
  /** The shop's client id at ConnectID. */
  clientId?: string;
  /** Signs return URLs. Default: random for each start (at least 16 characters). */
  returnUrlSecret?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Receives one line per step. Default: silent. */
  log?: (line: string) => void;
  /** Log in with ConnectID first, and pay with that customer's token (see login.ts). */
  login?: DemoLogin;
}

export interface Merchant {
  url: string;
  close(): Promise<void>;
}

export async function startMerchant(options: MerchantOptions): Promise<Merchant> {
  const log = options.log ?? (() => {});
  const clientId = options.clientId ?? "no.mediaconnect.test";
  const secret = options.returnUrlSecret ?? crypto.randomUUID();
  const client = createConnectClient({
    baseUrl: options.apiUrl,
    accessToken: options.accessToken,
  });
  // transactionId → invoice number, to show which invoice a return is for.
  const payments = new Map<number, string>();
  let origin = "";

  async function pay(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const invoiceNumber = form.get("invoiceNumber") ?? DEMO_INVOICE.invoiceNumber;
    try {
      const payer = options.login?.clientFor(request) ?? client;
      const { transactionId } = await payer.payInvoice({
        invoiceNumber,
        productCode: DEMO_INVOICE.productCode,
        companyCode: DEMO_INVOICE.companyCode,
        // The client checks it against the spec before anything is sent.
        paymentMethod: (form.get("paymentMethod") ?? "") as PaymentMethod,
      });
      payments.set(transactionId, invoiceNumber);
      const returnUrl = await bindReturnUrl(`${origin}/return`, { transactionId, secret });
      const location = buildInvoicePaymentUrl({
        loginServer: options.loginServer,
        clientId,
        transactionId,
        returnUrl,
        errorUrl: `${origin}/payment-error`,
        allowedReturnOrigins: [origin],
      });
      log(`payInvoice → transactionId ${transactionId}; redirecting to the login server`);
      redirect(response, location);
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      log(`payInvoice failed: ${error.code}`);
      const details = { code: error.code, message: error.message };
      sendHtml(
        response,
        502,
        apiErrorPage(error.status === undefined ? details : { ...details, status: error.status }),
      );
    }
  }

  async function paymentReturn(request: IncomingMessage, response: ServerResponse) {
    const result = await verifyPaymentReturn(new URL(request.url ?? "/", origin), { secret });
    if (!result.verified) {
      log(`return not verified: ${result.reason}`);
      sendHtml(response, 400, verificationFailedPage(result.reason));
      return;
    }
    log(`return verified: ${result.status} for transactionId ${result.transactionId}`);
    sendHtml(
      response,
      200,
      returnPage({
        status: result.status,
        transactionId: result.transactionId,
        invoiceNumber: payments.get(result.transactionId),
        paid: isPaid(result.status),
        canRetry: canRetry(result.status),
      }),
    );
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? "/", origin);
    const method = request.method ?? "GET";
    if (await options.login?.route(request, response, origin)) return;
    if (method === "GET" && pathname === "/")
      return sendHtml(response, 200, invoicePage(PAYMENT_METHODS));
    if (method === "POST" && pathname === "/pay") return pay(request, response);
    if (method === "GET" && pathname === "/return") return paymentReturn(request, response);
    if (method === "GET" && pathname === "/payment-error") {
      log("the login server reported a system error");
      return sendHtml(response, 200, systemErrorPage());
    }
    sendHtml(response, 404, notFoundPage());
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) {
        sendHtml(response, 500, apiErrorPage({ code: "internal", message: "Internal error." }));
      } else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request as AsyncIterable<Buffer>) {
    text += chunk.toString("utf8");
    if (text.length > 16 * 1024) throw new Error("form too large");
  }
  return text;
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  response.end(html);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}
