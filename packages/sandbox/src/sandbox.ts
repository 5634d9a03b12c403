// startSandbox(): the Connect API and the ConnectID login server on 127.0.0.1,
// plus a control path for tests. Every sandbox is its own server with its own
// state, so parallel tests each get their own.
import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_STATUS_PARAM } from "@connect-payment/redirect";
import { respondToPayInvoice, PAY_INVOICE_PATH, type ApiContext } from "./api.js";
import { apiRoute, requestIssues } from "./api-route.js";
import {
  completePayment,
  completePaymentChange,
  CONTROL_BASE,
  handleControl,
  reset,
  type ControlContext,
} from "./control.js";
import { createHostCheck } from "./host-check.js";
import { sendJson } from "./http.js";
import {
  CHANGE_PAGE_PATH,
  handleChangeDecision,
  handleChangePage,
  handlePayDecision,
  handlePayPage,
  PAY_PAGE_PATH,
  type LoginContext,
} from "./login.js";
import { paymentMethodOperation } from "./payment-method-route.js";
import { createPaymentMethodContext, PAYMENT_METHOD_PATH } from "./payment-methods.js";
import {
  AUTHORIZE_PATH,
  createOAuthServer,
  TOKEN_PATH,
  type SignInRequest,
} from "./oauth/index.js";
import { authorizationServerMetadata, handleMetadata, METADATA_PREFIX } from "./oauth/metadata.js";
import { ReceivedLog, type ReceivedRequest } from "./received.js";
import { createResponseCheck, createRequestCheck } from "./request-schema.js";
import { checkOptions, type SandboxOptions } from "./sandbox-options.js";
import { createRoutingServer, listen } from "./server.js";
import { loadSpec, paymentMethodLabels } from "./spec.js";
import {
  TransactionStore,
  type PaymentChange,
  type PayPageOutcome,
  type Transaction,
} from "./transactions.js";

// The query parameter that carries the payment result to `returnUrl`. The
// provider does not document its name; the sandbox appends it under the name
// the redirect package reads by default, re-exported from here.
export { DEFAULT_STATUS_PARAM };
export type { SandboxOptions };

/** Base paths that mirror the real servers' (`…/capi` and `…/user`), so URL joining is tested. */
const API_BASE = "/capi";
const LOGIN_BASE = "/user";

/** A running sandbox, from {@link startSandbox}: its URLs, what it saw, and ways to act as the customer. */
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
  /** Send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** What the login server's token endpoint takes to refresh. */
  refreshToken: string;
  /** When the access token expires, in milliseconds since the epoch (the login server's clock). */
  expiresAt: number;
  /** The scopes granted, space-separated. */
  scope: string;
}

/** Everything a route may use; the login server's OAuth routes take the same. */
export interface SandboxContext {
  /** The API's state: transactions, triggers, the spec's checks. */
  api: ApiContext;
  /** The pay and change pages' state. */
  login: LoginContext;
  /** What the control path reads and resets. */
  control: ControlContext;
  /** Lifetime of issued access tokens, in seconds. */
  tokenLifetimeSeconds: number;
  /** The `log` option: one line per notable event. */
  log: (line: string) => void;
}

/** One path of the server. `base` picks the API, the login server or the control path. */
export interface Route {
  /** Which server the path belongs to. */
  base: "api" | "login" | "control" | "root";
  /** The path under the base; `*` at the end matches the rest. */
  path: string;
  /** Answers the request; `url` is the full request URL. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> | void;
}

const BASES = { api: API_BASE, login: LOGIN_BASE, control: CONTROL_BASE, root: "" } as const;

/**
 * Starts the Connect API and the ConnectID login server on 127.0.0.1 (a free
 * port by default), with a control path for tests. Each call is a server of
 * its own, with its own state; `close()` it when done.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = checkOptions(options);
  const { host, statusParam, log } = settings;
  const spec = loadSpec();
  const transactions = new TransactionStore(options.firstTransactionId);
  const changes = new TransactionStore<PaymentChange>(options.firstTransactionId);
  const received = new ReceivedLog(settings.logLimits);
  if (settings.warning) log(settings.warning);
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
  const routeContext = { apiBase: API_BASE, received, latencyMs: settings.latencyMs };
  const payInvoice = apiRoute(routeContext, {
    responseOf: (apiRequest) => respondToPayInvoice(apiRequest, context.api),
    responseCheckOf: () => checkPayResponse,
    issuesOf: (apiRequest) => requestIssues(apiRequest, context.api.check),
  });
  const paymentMethodRoute = apiRoute(
    routeContext,
    paymentMethodOperation(paymentMethodContext, methodAnswers),
  );

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
      base: "root",
      path: METADATA_PREFIX + LOGIN_BASE,
      handle: (request, response) =>
        handleMetadata(
          request,
          response,
          authorizationServerMetadata(origin + LOGIN_BASE, {
            authorize: AUTHORIZE_PATH,
            token: TOKEN_PATH,
          }),
        ),
    },
    {
      base: "control",
      path: "/*",
      handle: (request, response, url) =>
        handleControl(request, response, url.pathname.slice(CONTROL_BASE.length), context.control),
    },
  ];

  const server = createRoutingServer({
    routes: routes.map((mounted) => ({ ...mounted, path: BASES[mounted.base] + mounted.path })),
    hostAllowed: createHostCheck(host, settings.allowedHosts),
    origin: () => origin,
    log,
  });
  origin = await listen(server, options.port ?? 0, host);

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
