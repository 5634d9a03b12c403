// The merchant: an account page listing what the customer owes, POST /pay →
// payInvoice → redirect to the login server, and a return page that shows
// what the link says and, apart, what the provider's record says.
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
import { accountPage } from "./account-pages.js";
import { backOfficeRoutes } from "./back-office-routes.js";
import { createBackOffice, type BackOfficeCredentials } from "./back-office.js";
import { PRODUCT } from "./invoice.js";
import type { DemoLogin } from "./login.js";
import { isLoopback } from "./loopback.js";
import { memoryState } from "./memory-state.js";
import { listOwed } from "./owed.js";
import {
  apiErrorPage,
  forbiddenPage,
  notFoundPage,
  notOwedPage,
  returnPage,
  systemErrorPage,
  verificationFailedPage,
} from "./pages.js";
import { paymentMethodPage, paymentMethodReturnPage } from "./payment-method-pages.js";
import { PaymentRecords, type Grant } from "./record.js";
import { requestUrl } from "./request-url.js";
import { securityHeaders } from "./security-headers.js";
import { csrfTokenMatches, SessionStore } from "./session.js";
import type { DemoState } from "./state.js";

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
  /**
   * Signs return URLs. Default: random for each start (32 random bytes).
   * Several processes of one shop must share it: a return may land on any of them.
   */
  returnUrlSecret?: string;
  /**
   * Where the sessions and the listed invoices are kept (give `login` the same
   * one); default this process's memory. `redisState()` for several processes.
   */
  state?: DemoState;
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
  /**
   * How long the return page waits for the provider's record to show the
   * payment before it says "not confirmed yet"; default 1500 ms.
   */
  confirmWaitMs?: number;
  /**
   * The shop's own client at the login server: with it, GET /back-office
   * confirms payments whose customer never came back, reading the record in
   * client mode (see back-office.ts). Without it there is no back office.
   */
  backOffice?: BackOfficeCredentials;
}

export interface Merchant {
  /** Where customers reach the shop: `publicOrigin`, or the address it listens on. */
  url: string;
  /** The address it listens on, `http://127.0.0.1:<port>`. */
  listenUrl: string;
  /** What the shop granted, each for an invoice the provider's record showed paid. */
  grants(): Promise<Grant[]>;
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
  const state = options.state ?? memoryState();
  // transactionId → the invoice it pays (the return carries only the id), and what was granted.
  const records = new PaymentRecords({ waitMs: options.confirmWaitMs ?? 1500, log, store: state });
  const backOffice =
    options.backOffice &&
    backOfficeRoutes({
      backOffice: createBackOffice({
        ...options.backOffice,
        apiUrl: options.apiUrl,
        loginServer: options.loginServer,
        records,
        log,
      }),
      records,
      log,
    });
  // Session id → the unpaid invoices the account page listed: /pay pays one of these.
  const owed = state.owed;
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
    const session = await sessions.find(request);
    if (fetchSite === "cross-site" || !csrfTokenMatches(session, form.get("csrfToken"))) {
      log("POST /pay refused: no valid CSRF token");
      return sendHtml(response, 403, forbiddenPage());
    }
    // With a login, only the customer's own token pays; never the shop's.
    const payer = options.login ? await options.login.clientFor(session) : client;
    if (!payer || !session) return redirectTo(response, "/");
    // Only an invoice the provider listed for this customer, with its own company and product.
    const invoice = (await owed.get(session.id))?.find(
      (i) => i.invoiceNumber === form.get("invoiceNumber"),
    );
    if (!invoice) {
      log("POST /pay refused: not an invoice the account page listed");
      return sendHtml(response, 409, notOwedPage());
    }
    try {
      const { transactionId } = await payer.payInvoice({
        productCode: invoice.productCode,
        companyCode: invoice.companyCode,
        invoiceNumber: invoice.invoiceNumber,
        // The client checks it against the spec before anything is sent.
        paymentMethod: (form.get("paymentMethod") ?? "") as PaymentMethod,
      });
      await records.started(transactionId, invoice);
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
  const clientOf = async (request: IncomingMessage) =>
    options.login ? options.login.clientFor(await sessions.find(request)) : client;

  function apiError(response: ServerResponse, error: unknown, what: string): void {
    if (!(error instanceof ConnectError)) throw error;
    // The message is for developers (fields, rules, HTTP status): the log has it, the page has words.
    log(`${what} failed: ${error.code}: ${error.message}`);
    sendHtml(response, 502, apiErrorPage({ code: error.code }));
  }

  /** GET /payment-method: the product's methods (List payment methods) and the change form. */
  async function paymentMethods(request: IncomingMessage, response: ServerResponse) {
    const session = await sessions.ensure(request, response);
    const customer = await clientOf(request);
    if (!customer) return redirectTo(response, "/");
    try {
      const items = await customer.listPaymentMethods(PRODUCT.productCode);
      log(`listPaymentMethods → ${items.length} method(s)`);
      sendHtml(response, 200, paymentMethodPage(items, PAYMENT_CHANGE_METHODS, session.csrfToken));
    } catch (error) {
      apiError(response, error, "listPaymentMethods");
    }
  }

  /** POST /payment-method/change: Change payment method, then the login server's change page. */
  async function changePaymentMethod(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await readBody(request));
    const session = await sessions.find(request);
    if (
      request.headers["sec-fetch-site"] === "cross-site" ||
      !csrfTokenMatches(session, form.get("csrfToken"))
    ) {
      log("POST /payment-method/change refused: no valid CSRF token");
      return sendHtml(response, 403, forbiddenPage());
    }
    const customer = await clientOf(request);
    if (!customer) return redirectTo(response, "/");
    try {
      const { paymentChangeId } = await customer.changePaymentMethod(PRODUCT.productCode, {
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

  /** GET /: the customer's unpaid invoices, from the provider's list, and the pay form. */
  async function account(request: IncomingMessage, response: ServerResponse) {
    const session = await sessions.ensure(request, response);
    const customer = await clientOf(request);
    if (!customer) return redirectTo(response, "/login");
    try {
      const { invoices, rows, reminders } = await listOwed(customer);
      await owed.set(session.id, invoices);
      log(`listInvoices(unpaid) → ${invoices.length} invoice(s), ${reminders.length} reminder(s)`);
      const page = accountPage({
        invoices: rows,
        reminders,
        paymentMethods: PAYMENT_METHODS,
        csrfToken: session.csrfToken,
      });
      sendHtml(response, 200, page);
    } catch (error) {
      apiError(response, error, "listInvoices");
    }
  }

  async function paymentReturn(request: IncomingMessage, url: URL, response: ServerResponse) {
    // `url` starts with the configured public origin, never with what the request claims.
    const result = await verifyPaymentReturn(url, { secret });
    if (!result.verified) {
      log(`return not verified: ${result.reason}`);
      sendHtml(response, 400, verificationFailedPage(result.reason));
      return;
    }
    // The status is the browser's claim: it decides what this page says, never
    // what the customer is granted. That follows the provider's record, read
    // with the customer's own token whatever the link says.
    log(`return for transactionId ${result.transactionId} claims: ${result.status}`);
    const customer = await clientOf(request);
    const record = customer
      ? await records.confirm(customer, result.transactionId)
      : ({ state: "unknown_payment" } as const);
    sendHtml(
      response,
      200,
      returnPage({
        status: result.status,
        transactionId: result.transactionId,
        invoiceNumber: (await records.invoiceOf(result.transactionId))?.invoiceNumber,
        canRetry: canRetry(result.status),
        record,
        // The same bound link: opening it again reads the record again.
        checkAgainUrl: `${url.pathname}${url.search}`,
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
    if (await backOffice?.(request, response, { url, sessions, readForm, headers })) return;
    if (method === "GET" && pathname === "/") return account(request, response);
    if (method === "POST" && pathname === "/pay") return pay(request, response);
    if (method === "GET" && pathname === "/return") return paymentReturn(request, url, response);
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
  sessions = new SessionStore({
    sessions: state.sessions,
    secure: !isLoopback(new URL(origin).hostname),
  });

  return {
    url: origin,
    listenUrl,
    grants: () => records.grants(),
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
    if (text.length > MAX_FORM_BYTES) throw new Error("form too large");
  }
  return text;
}
