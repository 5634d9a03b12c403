// The merchant: an invoice page, POST /pay → payInvoice → redirect to the
// login server, and a return page that verifies what comes back.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ConnectError,
  createConnectClient,
  PAYMENT_CHANGE_METHODS,
  PAYMENT_METHODS,
  type PaymentChangeMethod,
} from "@connect-payment/client";
import {
  bindReturnUrl,
  buildInvoicePaymentUrl,
  buildPaymentChangeUrl,
  canRetry,
  verifyPaymentReturn,
} from "@connect-payment/redirect";
import type { PaymentMethod } from "@connect-payment/types";
import { DEMO_INVOICE } from "./invoice.js";
import type { DemoLogin } from "./login.js";
import {
  apiErrorPage,
  forbiddenPage,
  invoicePage,
  notFoundPage,
  returnPage,
  systemErrorPage,
  verificationFailedPage,
} from "./pages.js";
import { paymentMethodPage, paymentMethodReturnPage } from "./payment-method-pages.js";
import { requestUrl } from "./request-url.js";
import { securityHeaders } from "./security-headers.js";
import { csrfTokenMatches, SessionStore } from "./session.js";

export interface MerchantOptions {
  /** Base URL of the Connect API (the sandbox's `apiUrl`). */
  apiUrl: string;
  /** Base URL of the ConnectID login server (the sandbox's `loginServer`). */
  loginServer: string;
  /**
   * The token to pay with when there is no `login`. In a real shop: the
   * logged-in customer's OAuth access token, which `login` provides.
   */
  accessToken?: string;
  /** The shop's client id at ConnectID. */
  clientId?: string;
  /** Signs return URLs. Default: random for each start (32 random bytes). */
  returnUrlSecret?: string;
  /**
   * The origin customers reach the shop at, e.g. `https://shop.example`: every
   * URL the shop builds or verifies starts with it. Default: the address it
   * listens on, `http://127.0.0.1:<port>`.
   */
  publicOrigin?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Receives one line per step. Default: silent. */
  log?: (line: string) => void;
  /** Log in with ConnectID first, and pay with that customer's token (see login.ts). */
  login?: DemoLogin;
}

export interface Merchant {
  /** Where customers reach the shop: `publicOrigin`, or the address it listens on. */
  url: string;
  /** The address it listens on, `http://127.0.0.1:<port>`. */
  listenUrl: string;
  close(): Promise<void>;
}

const MAX_FORM_BYTES = 16 * 1024;

export async function startMerchant(options: MerchantOptions): Promise<Merchant> {
  const log = options.log ?? (() => {});
  const clientId = options.clientId ?? "no.mediaconnect.test";
  const secret =
    options.returnUrlSecret ??
    Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  if (!options.login && !options.accessToken) {
    throw new TypeError("startMerchant: give login, or accessToken to pay with");
  }
  const client =
    options.accessToken === undefined
      ? undefined
      : createConnectClient({ baseUrl: options.apiUrl, accessToken: options.accessToken });
  const headers = securityHeaders(new URL(options.loginServer).origin);
  // transactionId → invoice number, to show which invoice a return is for.
  const payments = new Map<number, string>();
  let origin = "";
  let sessions: SessionStore;

  function sendHtml(response: ServerResponse, status: number, html: string): void {
    response.writeHead(status, { ...headers, "content-type": "text/html; charset=utf-8" });
    response.end(html);
  }

  async function pay(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    // A cross-site form post would start a payment with the customer's token:
    // only the shop's own form carries the session's CSRF token.
    const fetchSite = request.headers["sec-fetch-site"];
    const session = sessions.find(request);
    if (fetchSite === "cross-site" || !csrfTokenMatches(session, form.get("csrfToken"))) {
      log("POST /pay refused: no valid CSRF token");
      return sendHtml(response, 403, forbiddenPage());
    }
    const invoiceNumber = form.get("invoiceNumber") ?? DEMO_INVOICE.invoiceNumber;
    // With a login, only the customer's own token pays; never the shop's.
    const payer = options.login ? options.login.clientFor(session) : client;
    if (!payer) {
      response.writeHead(303, { ...headers, location: "/" });
      response.end();
      return;
    }
    try {
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
      response.writeHead(303, { ...headers, location });
      response.end();
    } catch (error) {
      apiError(response, error, "payInvoice");
    }
  }

  /** The logged-in customer's client (or, without a login, the shop's token). */
  const clientOf = (request: IncomingMessage) =>
    options.login ? options.login.clientFor(sessions.find(request)) : client;

  function apiError(response: ServerResponse, error: unknown, what: string): void {
    if (!(error instanceof ConnectError)) throw error;
    // The message is for developers (fields, rules, HTTP status): the log has it, the page has words.
    log(`${what} failed: ${error.code}: ${error.message}`);
    sendHtml(response, 502, apiErrorPage({ code: error.code }));
  }

  /** GET /payment-method: the product's methods (List payment methods) and the change form. */
  async function paymentMethods(request: IncomingMessage, response: ServerResponse) {
    const session = sessions.ensure(request, response);
    const customer = clientOf(request);
    if (!customer) return redirectTo(response, "/");
    try {
      const items = await customer.listPaymentMethods(DEMO_INVOICE.productCode);
      log(`listPaymentMethods → ${items.length} method(s)`);
      sendHtml(response, 200, paymentMethodPage(items, PAYMENT_CHANGE_METHODS, session.csrfToken));
    } catch (error) {
      apiError(response, error, "listPaymentMethods");
    }
  }

  /** POST /payment-method/change: Change payment method, then the login server's change page. */
  async function changePaymentMethod(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await readBody(request));
    const session = sessions.find(request);
    if (
      request.headers["sec-fetch-site"] === "cross-site" ||
      !csrfTokenMatches(session, form.get("csrfToken"))
    ) {
      log("POST /payment-method/change refused: no valid CSRF token");
      return sendHtml(response, 403, forbiddenPage());
    }
    const customer = clientOf(request);
    if (!customer) return redirectTo(response, "/");
    try {
      const { paymentChangeId } = await customer.changePaymentMethod(DEMO_INVOICE.productCode, {
        // The client checks it against the spec before anything is sent.
        paymentMethod: (form.get("paymentMethod") ?? "") as PaymentChangeMethod,
      });
      // The change comes back with the same results as a payment: bind the
      // return URL to its id the same way.
      const returnUrl = await bindReturnUrl(`${origin}/payment-method/return`, {
        transactionId: paymentChangeId,
        secret,
      });
      const location = buildPaymentChangeUrl({
        loginServer: options.loginServer,
        clientId,
        paymentChangeId,
        returnUrl,
        errorUrl: `${origin}/payment-error`,
        allowedReturnOrigins: [origin],
      });
      log(
        `changePaymentMethod → paymentChangeId ${paymentChangeId}; redirecting to the login server`,
      );
      redirectTo(response, location);
    } catch (error) {
      apiError(response, error, "changePaymentMethod");
    }
  }

  async function paymentMethodReturn(url: URL, response: ServerResponse) {
    const result = await verifyPaymentReturn(url, { secret });
    if (!result.verified) {
      log(`change return not verified: ${result.reason}`);
      return sendHtml(response, 400, verificationFailedPage(result.reason));
    }
    log(`return for paymentChangeId ${result.transactionId} claims: ${result.status}`);
    sendHtml(
      response,
      200,
      paymentMethodReturnPage({ status: result.status, paymentChangeId: result.transactionId }),
    );
  }

  function redirectTo(response: ServerResponse, location: string): void {
    response.writeHead(303, { ...headers, location });
    response.end();
  }

  async function paymentReturn(url: URL, response: ServerResponse) {
    // `url` starts with the configured public origin, never with what the request claims.
    const result = await verifyPaymentReturn(url, { secret });
    if (!result.verified) {
      log(`return not verified: ${result.reason}`);
      sendHtml(response, 400, verificationFailedPage(result.reason));
      return;
    }
    // The status is the browser's claim: it decides what this page says, never
    // what the customer is granted. That follows the provider's record.
    log(`return for transactionId ${result.transactionId} claims: ${result.status}`);
    sendHtml(
      response,
      200,
      returnPage({
        status: result.status,
        transactionId: result.transactionId,
        invoiceNumber: payments.get(result.transactionId),
        canRetry: canRetry(result.status),
      }),
    );
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestUrl(origin, request.url);
    if (!url) return sendHtml(response, 400, notFoundPage());
    const method = request.method ?? "GET";
    const { pathname } = url;
    const readForm = async () => new URLSearchParams(await readBody(request));
    if (await options.login?.route(request, response, { url, sessions, readForm, headers })) return;
    if (method === "GET" && pathname === "/") {
      const session = sessions.ensure(request, response);
      return sendHtml(response, 200, invoicePage(PAYMENT_METHODS, session.csrfToken));
    }
    if (method === "POST" && pathname === "/pay") return pay(request, response);
    if (method === "GET" && pathname === "/return") return paymentReturn(url, response);
    if (method === "GET" && pathname === "/payment-method")
      return paymentMethods(request, response);
    if (method === "POST" && pathname === "/payment-method/change") {
      return changePaymentMethod(request, response);
    }
    if (method === "GET" && pathname === "/payment-method/return") {
      return paymentMethodReturn(url, response);
    }
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
        sendHtml(response, 500, apiErrorPage({ code: "internal" }));
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
  const listenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = options.publicOrigin ? new URL(options.publicOrigin).origin : listenUrl;
  sessions = new SessionStore({ secure: !isLoopback(new URL(origin).hostname) });

  return {
    url: origin,
    listenUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request as AsyncIterable<Buffer>) {
    text += chunk.toString("utf8");
    if (text.length > MAX_FORM_BYTES) throw new Error("form too large");
  }
  return text;
}
