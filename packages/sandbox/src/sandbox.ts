// startSandbox(): the Connect API and the ConnectID login server on 127.0.0.1,
// plus a control path for tests. Every sandbox is its own server with its own
// state, so parallel tests each get their own. This file wires the parts.
import { DEFAULT_STATUS_PARAM } from "@connect-payment/redirect";
import type { ControlContext } from "./control.js";
import { createHostCheck } from "./host-check.js";
import { CHANGE_PAGE_PATH, PAY_PAGE_PATH } from "./login.js";
import { createOAuthServer } from "./oauth/index.js";
import { OPERATION_MODULES } from "./operations/index.js";
import { createOperationState } from "./operations/state.js";
import { createRateLimiter, spedUpClock } from "./rate-limits.js";
import { ReceivedLog } from "./received.js";
import { createApiRouter } from "./router.js";
import { API_BASE, CONTROL_BASE, LOGIN_BASE, sandboxRoutes } from "./routes.js";
import { sandboxHandle, type Sandbox } from "./sandbox-handle.js";
import { checkOptions, type SandboxOptions } from "./sandbox-options.js";
import { createRoutingServer, listen } from "./server.js";
import { loadSpec, paymentMethodLabels } from "./spec.js";

// The query parameter that carries the payment result to `returnUrl`. The
// provider does not document its name; the sandbox appends it under the name
// the redirect package reads by default, re-exported from here.
export { DEFAULT_STATUS_PARAM };
export type { SandboxOptions, Sandbox };
export type { SandboxClientToken, SandboxTokenSet } from "./sandbox-handle.js";

/**
 * Starts a sandbox on 127.0.0.1 (a free port unless `port` is given): the
 * Connect API, the ConnectID login server and a control path, each sandbox
 * with its own state.
 *
 * @example
 * ```ts
 * import { startSandbox } from "@connect-payment/sandbox";
 *
 * const sandbox = await startSandbox({ firstTransactionId: 1000 });
 * const { accessToken } = sandbox.signIn("kari");
 * console.log(sandbox.apiUrl, accessToken.length > 0);
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = checkOptions(options);
  const { statusParam, log } = settings;
  const spec = loadSpec();
  const state = createOperationState(settings);
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
  const { transactions, changes, invoices } = state;
  const control: ControlContext = {
    transactions,
    changes,
    invoices,
    received,
    statusParam,
    payPageUrl: () => origin + LOGIN_BASE + PAY_PAGE_PATH,
    changePageUrl: () => origin + LOGIN_BASE + CHANGE_PAGE_PATH,
    signIn: (request) => oauth.signIn(request).tokens,
    log,
  };
  const clock = spedUpClock(settings.clockSpeed);
  const limiter = settings.rateLimits && createRateLimiter(settings.rateLimits, clock);
  const router = createApiRouter(spec, OPERATION_MODULES, state, oauth.checkToken, limiter);
  const routes = sandboxRoutes({
    api: { router, received, latencyMs: settings.latencyMs },
    login: { transactions, changes, statusParam, methodLabels: paymentMethodLabels(spec), log },
    control,
    oauth,
    origin: () => origin,
  });
  const server = createRoutingServer({
    routes,
    hostAllowed: createHostCheck(settings.host, settings.allowedHosts),
    origin: () => origin,
    log,
  });
  origin = await listen(server, options.port ?? 0, settings.host);
  const urls = {
    apiUrl: origin + API_BASE,
    loginServer: origin + LOGIN_BASE,
    controlUrl: origin + CONTROL_BASE,
  };
  return sandboxHandle({ urls, server, control, oauth, limiter, clock });
}
