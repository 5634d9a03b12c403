// startSandbox(): the Connect API and the ConnectID login server on 127.0.0.1,
// plus a control path for tests. Every sandbox is its own server with its own
// state, so parallel tests each get their own.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_STATUS_PARAM } from "@connect-payment/redirect";
import {
  respondToPayInvoice,
  PAY_INVOICE_PATH,
  type ApiResponse,
  type ApiContext,
  type ApiRequest,
} from "./api.js";
import {
  completePayment,
  completePaymentChange,
  CONTROL_BASE,
  handleControl,
  reset,
  type ControlContext,
} from "./control.js";
import { BodyTooLargeError, readBody, sendJson } from "./http.js";
import {
  CHANGE_PAGE_PATH,
  handleChangeDecision,
  handleChangePage,
  handlePayDecision,
  handlePayPage,
  PAY_PAGE_PATH,
  type LoginContext,
} from "./login.js";
import {
  respondToPaymentMethod,
  createPaymentMethodContext,
  PAYMENT_METHOD_PATH,
} from "./payment-methods.js";
import { createOAuthServer, type SandboxOAuthOptions, type SignInRequest } from "./oauth/index.js";
import { ReceivedLog, redactAuthorization, type ReceivedRequest } from "./received.js";
import {
  createResponseCheck,
  createRequestCheck,
  type ResponseCheck,
  type Issue,
} from "./request-schema.js";
import { loadSpec, paymentMethodLabels } from "./spec.js";
import { DEFAULT_SLOW_RESPONSE_MS } from "./triggers.js";
import {
  isTransactionId,
  TransactionStore,
  type PaymentChange,
  type PayPageOutcome,
  type Transaction,
} from "./transactions.js";

// The query parameter that carries the payment result to `returnUrl`. The
// provider does not document its name; the sandbox appends it under the name
// the redirect package reads by default, re-exported from here.
export { DEFAULT_STATUS_PARAM };

/** Base paths that mirror the real servers' (`…/capi` and `…/user`), so URL joining is tested. */
const API_BASE = "/capi";
const LOGIN_BASE = "/user";

export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`, the sandbox is for one machine. */
  host?: string;
  /** Name of the result parameter appended to `returnUrl`; default `paymentStatus`. */
  statusParam?: string;
  /**
   * Hand out counting ids from this one instead of random ids. Random ids (the
   * default) cannot be guessed; counting ones are for tests that want fixed numbers.
   */
  firstTransactionId?: number;
  /** Added before every API response, in milliseconds; default 0. */
  latencyMs?: number;
  /** How long the `slowResponse` trigger waits; default 35 000 (past the client's 30 s timeout). */
  slowResponseMs?: number;
  /** Lifetime of the access tokens the login server's OAuth endpoints issue, in seconds; default 43 200 (12 hours, the provider's default). */
  tokenLifetimeSeconds?: number;
  /** Receives one line per notable event (payments, redirects to errorUrl). Default: silent. */
  log?: (line: string) => void;
  /** The OAuth login server: clients, token lifetimes, and whether the API requires issued tokens. */
  oauth?: SandboxOAuthOptions;
}

export interface Sandbox {
  /** Base URL of the API: pass it as the client's `baseUrl`. */
  apiUrl: string;
  /** Base URL of the login server: pass it as `loginServer` when building the payment URL. */
  loginServer: string;
  /** Base URL of the control path (`/complete`, `/requests`, `/transactions`, `/reset`). */
  controlUrl: string;
  /** The result parameter's name this sandbox appends to `returnUrl`. */
  statusParam: string;
  /** Every transaction so far, oldest first. */
  transactions(): Transaction[];
  /** Every request the API received, oldest first, each checked against the spec. */
  requests(): ReceivedRequest[];
  /**
   * Completes a payment without a browser: opens `payUrl` (where your code sent
   * the customer) and chooses `outcome`, as the customer would on the pay page.
   * Returns the exact URL the browser is then sent to. Throws
   * `SandboxControlError` for a link the pay page would refuse.
   */
  completePayment(payUrl: string | URL, outcome: PayPageOutcome): string;
  /**
   * Completes a payment change without a browser: opens `changeUrl` (the
   * `/paymentChange` URL your code sent the customer to) and chooses
   * `outcome`, as on the change page. Returns the URL the browser is then sent to.
   */
  completePaymentChange(changeUrl: string | URL, outcome: PayPageOutcome): string;
  /** Every payment change Change payment method started, oldest first. */
  paymentChanges(): Transaction<PaymentChange>[];
  /**
   * Signs a test customer in without a browser, as if they had logged in on
   * the login server's sign-in page: the access token the API accepts (also
   * under `oauth.requireIssuedTokens`) and a refresh token the token endpoint
   * takes. Default customer `kari`, default client `DEFAULT_OAUTH_CLIENT`.
   * Throws `SandboxControlError` for an unknown customer or client.
   */
  signIn(customer?: string, options?: Omit<SignInRequest, "customer">): SandboxTokenSet;
  /** Forgets every transaction and every received request. */
  reset(): void;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Tokens from `signIn()`: the shape `@connect-payment/oauth` keeps in its token store. */
export interface SandboxTokenSet {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, in milliseconds since the epoch (the login server's clock). */
  expiresAt: number;
  scope: string;
}

/** Everything a route may use; the login server's OAuth routes take the same. */
export interface SandboxContext {
  api: ApiContext;
  login: LoginContext;
  control: ControlContext;
  tokenLifetimeSeconds: number;
  log: (line: string) => void;
}

/** One path of the server. `base` picks the API, the login server or the control path. */
export interface Route {
  base: "api" | "login" | "control";
  /** The path under the base; `*` at the end matches the rest. */
  path: string;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> | void;
}

const BASES = { api: API_BASE, login: LOGIN_BASE, control: CONTROL_BASE } as const;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = checkOptions(options);
  const { host, statusParam, log } = settings;
  const spec = loadSpec();
  const transactions = new TransactionStore(options.firstTransactionId);
  const changes = new TransactionStore<PaymentChange>(options.firstTransactionId);
  const received = new ReceivedLog();
  // `tokenLifetimeSeconds` is the short way to set the login server's access token lifetime.
  const oauth = createOAuthServer(
    {
      ...options.oauth,
      accessTokenTtlSeconds: options.oauth?.accessTokenTtlSeconds ?? settings.tokenLifetimeSeconds,
    },
    log,
  );
  let origin = "";
  const context: SandboxContext = {
    api: {
      check: createRequestCheck(spec),
      transactions,
      slowResponseMs: settings.slowResponseMs,
      rejectToken: oauth.rejectToken,
    },
    login: { transactions, changes, statusParam, methodLabels: paymentMethodLabels(spec), log },
    control: {
      transactions,
      received,
      statusParam,
      changes,
      payPageUrl: () => origin + LOGIN_BASE + PAY_PAGE_PATH,
      changePageUrl: () => origin + LOGIN_BASE + CHANGE_PAGE_PATH,
      signIn: (request) => oauth.signIn(request).tokens,
      log,
    },
    tokenLifetimeSeconds: settings.tokenLifetimeSeconds,
    log,
  };
  const checkPayResponse = createResponseCheck(spec, PAY_INVOICE_PATH);
  const methodAnswers = {
    GET: createResponseCheck(spec, PAYMENT_METHOD_PATH, "get"),
    POST: createResponseCheck(spec, PAYMENT_METHOD_PATH, "post"),
  };
  const paymentMethodContext = createPaymentMethodContext(spec, context.api, changes);
  // The product code is the last path segment, as the client percent-encodes it.
  const productCodeOf = (url: URL): string =>
    decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf("/") + 1));

  const payInvoice = apiRoute(
    (apiRequest) => respondToPayInvoice(apiRequest, context.api),
    () => checkPayResponse,
    (apiRequest) => requestIssues(apiRequest, context.api.check),
  );
  const paymentMethodRoute = apiRoute(
    (apiRequest, url) =>
      respondToPaymentMethod(apiRequest, productCodeOf(url), paymentMethodContext),
    (method) => methodAnswers[method as "GET" | "POST"],
    (apiRequest, url) => {
      const code = productCodeOf(url);
      if (apiRequest.method === "GET") {
        const issues = paymentMethodContext.checkProductCode.get(code);
        if (apiRequest.body) issues.push({ field: "body", message: "must be empty" });
        if (!/^Bearer\s+\S+/i.test(apiRequest.authorization ?? "")) {
          issues.push({ field: "header Authorization", message: "must be Bearer <access token>" });
        }
        return issues;
      }
      return [
        ...paymentMethodContext.checkProductCode.post(code),
        ...requestIssues(apiRequest, paymentMethodContext.checkChange),
      ];
    },
  );

  /** An API route: reads the request, answers it, logs both with their issues under the spec. */
  function apiRoute(
    responseOf: (apiRequest: ApiRequest, url: URL) => ApiResponse,
    responseCheckOf: (method: string) => ResponseCheck | undefined,
    issuesOf: (apiRequest: ApiRequest, url: URL) => Issue[],
  ) {
    return (request: IncomingMessage, response: ServerResponse, url: URL) =>
      handleApi(request, response, url, responseOf, responseCheckOf, issuesOf);
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    responseOf: (apiRequest: ApiRequest, url: URL) => ApiResponse,
    responseCheckOf: (method: string) => ResponseCheck | undefined,
    issuesOf: (apiRequest: ApiRequest, url: URL) => Issue[],
  ) {
    // Open to any origin, so browser apps can try the client against the sandbox.
    response.setHeader("access-control-allow-origin", "*");
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": "authorization, content-type",
      });
      response.end();
      return;
    }
    let text: string | undefined;
    try {
      text = await readBody(request);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
    }
    const apiRequest = {
      method: request.method ?? "GET",
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      body: text,
    };
    const apiResponse = responseOf(apiRequest, url);
    const checkResponse = responseCheckOf(apiRequest.method);
    const entry: ReceivedRequest = {
      at: new Date().toISOString(),
      method: apiRequest.method,
      path: url.pathname.slice(API_BASE.length),
      authorization: redactAuthorization(apiRequest.authorization),
      contentType: apiRequest.contentType,
      body: parseOrText(text),
      requestIssues: issuesOf(apiRequest, url),
      status: apiResponse.kind === "drop" ? "dropped" : apiResponse.status,
      responseIssues:
        apiResponse.kind === "drop"
          ? [{ field: "connection", message: "closed without a response" }]
          : !checkResponse
            ? [{ field: "method", message: `${apiRequest.method} is not an operation of the spec` }]
            : checkResponse({
                status: apiResponse.status,
                contentType: apiResponse.contentType,
                headers: apiResponse.headers,
                body: apiResponse.body,
              }),
    };
    received.add(entry);

    const delay =
      settings.latencyMs + (apiResponse.kind === "send" ? (apiResponse.delayMs ?? 0) : 0);
    if (delay > 0) await sleep(delay, undefined, { ref: false });
    if (apiResponse.kind === "drop") {
      request.socket.destroy();
      return;
    }
    if (apiResponse.contentType === "application/json") {
      sendJson(response, apiResponse.status, apiResponse.body, apiResponse.headers);
    } else {
      response.writeHead(apiResponse.status, {
        ...apiResponse.headers,
        "content-type": apiResponse.contentType,
      });
      response.end(String(apiResponse.body));
    }
  }

  // The routes, by base. The OAuth endpoints of the login server join this list.
  const routes: Route[] = [
    { base: "api", path: PAY_INVOICE_PATH, handle: payInvoice },
    // `/v1/product/payment/{productCode}`: one segment after the template's prefix.
    {
      base: "api",
      path: PAYMENT_METHOD_PATH.replace(/\{\w+\}$/, "*"),
      handle: (request, response, url) => {
        // One segment only: the product code (a "/" in it arrives encoded).
        const lastSlash = BASES.api.length + PAYMENT_METHOD_PATH.lastIndexOf("/");
        if (url.pathname.lastIndexOf("/") !== lastSlash) {
          return sendJson(response, 404, { error: "not_found", path: url.pathname });
        }
        return paymentMethodRoute(request, response, url);
      },
    },
    {
      base: "login",
      path: CHANGE_PAGE_PATH,
      handle: (request, response, url) => {
        if (request.method === "GET") return handleChangePage(url, response, context.login);
        if (request.method === "POST")
          return handleChangeDecision(request, response, context.login);
        sendJson(response, 405, { error: "method_not_allowed" }, { allow: "GET, POST" });
      },
    },
    {
      base: "login",
      path: PAY_PAGE_PATH,
      handle: (request, response, url) => {
        if (request.method === "GET") return handlePayPage(url, response, context.login);
        if (request.method === "POST") return handlePayDecision(request, response, context.login);
        sendJson(response, 405, { error: "method_not_allowed" }, { allow: "GET, POST" });
      },
    },
    {
      base: "login",
      path: "/oauth/*",
      handle: async (request, response, url) => {
        if (!(await oauth.route(url, LOGIN_BASE, request, response))) {
          sendJson(response, 404, { error: "not_found", path: url.pathname });
        }
      },
    },
    {
      base: "control",
      path: "/*",
      handle: (request, response, url) =>
        handleControl(request, response, url.pathname.slice(CONTROL_BASE.length), context.control),
    },
  ];

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only the path of the request target counts; its host part is never trusted.
    const url = new URL(`${origin}${request.url?.startsWith("/") ? request.url : "/"}`);
    for (const candidate of routes) {
      const full = BASES[candidate.base] + candidate.path;
      const matches = full.endsWith("*")
        ? url.pathname.startsWith(full.slice(0, -1))
        : url.pathname === full;
      if (matches) return candidate.handle(request, response, url);
    }
    sendJson(response, 404, { error: "not_found", path: url.pathname });
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: "sandbox_internal_error" });
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    apiUrl: origin + API_BASE,
    loginServer: origin + LOGIN_BASE,
    controlUrl: origin + CONTROL_BASE,
    statusParam,
    transactions: () => transactions.list(),
    requests: () => received.list(),
    completePayment: (payUrl, outcome) => completePayment(context.control, payUrl, outcome),
    completePaymentChange: (changeUrl, outcome) =>
      completePaymentChange(context.control, changeUrl, outcome),
    paymentChanges: () => changes.list(),
    reset: () => reset(context.control),
    signIn: (customer, signInOptions) => {
      const { tokens, expiresAt } = oauth.signIn({
        ...signInOptions,
        ...(customer !== undefined ? { customer } : {}),
      });
      return {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt,
        scope: tokens.scope,
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Checks every option at once, naming each bad one. */
function checkOptions(options: SandboxOptions) {
  const problems: string[] = [];
  const wholeAtLeast = (name: keyof SandboxOptions, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = options[name];
    if (
      value !== undefined &&
      !(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
    ) {
      problems.push(
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      );
    }
  };
  wholeAtLeast("port", 0, 65535);
  wholeAtLeast("latencyMs", 0, 600_000);
  wholeAtLeast("slowResponseMs", 0, 600_000);
  wholeAtLeast("tokenLifetimeSeconds", 1);
  if (options.firstTransactionId !== undefined && !isTransactionId(options.firstTransactionId)) {
    problems.push("firstTransactionId must be a whole number from 1 to 2^53 - 1");
  }
  if (
    options.statusParam !== undefined &&
    (typeof options.statusParam !== "string" || !/^[\w.~-]+$/.test(options.statusParam))
  ) {
    problems.push("statusParam must be a non-empty name of letters, digits, _ . ~ or -");
  }
  if (problems.length > 0) throw new TypeError(`startSandbox: ${problems.join("; ")}`);
  return {
    host: options.host ?? "127.0.0.1",
    statusParam: options.statusParam ?? DEFAULT_STATUS_PARAM,
    latencyMs: options.latencyMs ?? 0,
    slowResponseMs: options.slowResponseMs ?? DEFAULT_SLOW_RESPONSE_MS,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 12 * 60 * 60,
    log: options.log ?? (() => {}),
  };
}

function parseOrText(text: string | undefined): unknown {
  if (text === undefined || text === "") return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Why a request is not one the spec allows: bearer token, JSON content type, valid body. */
function requestIssues(
  request: {
    authorization: string | undefined;
    contentType: string | undefined;
    body: string | undefined;
  },
  check: (body: unknown) => Issue[],
): Issue[] {
  const issues: Issue[] = [];
  if (!/^Bearer\s+\S+/i.test(request.authorization ?? "")) {
    issues.push({ field: "header Authorization", message: "must be Bearer <access token>" });
  }
  if (!/^application\/json\s*(;|$)/i.test(request.contentType ?? "")) {
    issues.push({ field: "header Content-Type", message: "must be application/json" });
  }
  const body = parseOrText(request.body);
  if (typeof body === "string" || body === undefined) {
    issues.push({ field: "body", message: "must be a JSON object" });
  } else {
    issues.push(...check(body));
  }
  return issues;
}
