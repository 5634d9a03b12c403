// startSandbox(): the Connect API and the ConnectID login server on 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handlePayInvoice, PAY_INVOICE_PATH } from "./api.js";
import { sendJson } from "./http.js";
import { handlePayDecision, handlePayPage, PAY_PAGE_PATH } from "./login.js";
import { createOAuthServer, type SandboxOAuthOptions } from "./oauth/index.js";
import { createRequestCheck } from "./request-schema.js";
import { loadSpec, paymentMethodLabels } from "./spec.js";
import { TransactionStore, type Transaction } from "./transactions.js";

/**
 * The query parameter that carries the payment result to `returnUrl`. The
 * provider does not document its name; this is the same assumption the
 * redirect package makes (its `DEFAULT_STATUS_PARAM`).
 */
export const DEFAULT_STATUS_PARAM = "paymentStatus";

/** Base paths that mirror the real servers' (`…/capi` and `…/user`), so URL joining is tested. */
const API_BASE = "/capi";
const LOGIN_BASE = "/user";

export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Only the loopback interface: the sandbox is for one machine. */
  host?: "127.0.0.1";
  /** Name of the result parameter appended to `returnUrl`; default `paymentStatus`. */
  statusParam?: string;
  /** The first `transactionId` handed out; later ones count up from it. Default 10000001. */
  firstTransactionId?: number;
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
  /** The result parameter's name this sandbox appends to `returnUrl`. */
  statusParam: string;
  /** Every transaction so far, oldest first. */
  transactions(): Transaction[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const statusParam = options.statusParam ?? DEFAULT_STATUS_PARAM;
  const log = options.log ?? (() => {});
  const spec = loadSpec();
  const transactions = new TransactionStore(options.firstTransactionId ?? 10_000_001);
  const oauth = createOAuthServer(options.oauth, log);
  const api = { check: createRequestCheck(spec), transactions, rejectToken: oauth.rejectToken };
  const login = { transactions, statusParam, methodLabels: paymentMethodLabels(spec), log };

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", `http://${host}`);
    const method = request.method ?? "GET";

    if (url.pathname === API_BASE + PAY_INVOICE_PATH) {
      // Open to any origin, so browser apps can try the client against the sandbox.
      response.setHeader("access-control-allow-origin", "*");
      if (method === "OPTIONS") {
        response.writeHead(204, {
          "access-control-allow-methods": "POST",
          "access-control-allow-headers": "authorization, content-type",
        });
        response.end();
        return;
      }
      if (method === "POST") return handlePayInvoice(request, response, api);
      return sendJson(response, 405, { error: "method_not_allowed" }, { allow: "POST" });
    }
    if (await oauth.route(url, LOGIN_BASE, request, response)) return;
    if (url.pathname === LOGIN_BASE + PAY_PAGE_PATH) {
      if (method === "GET") return handlePayPage(url, response, login);
      if (method === "POST") return handlePayDecision(request, response, login);
      return sendJson(response, 405, { error: "method_not_allowed" }, { allow: "GET, POST" });
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
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: origin + API_BASE,
    loginServer: origin + LOGIN_BASE,
    statusParam,
    transactions: () => transactions.list(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
