// startDemo(): the sandbox and the merchant together, wired to each other.
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { createDemoLogin } from "./login.js";
import { memoryState } from "./memory-state.js";
import { startMerchant, type Merchant } from "./merchant.js";
import type { Grant } from "./record.js";

export interface DemoOptions {
  /** The merchant's port; 0 (the default) picks a free one. */
  merchantPort?: number;
  /**
   * The name under which the sandbox appends the result to the return URL
   * (default `paymentStatus`). The merchant reads the result with the SDK's
   * defaults whatever it is called.
   */
  statusParam?: string;
  /** Receives one line per step of the sandbox and the merchant. Default: silent. */
  log?: (line: string) => void;
  /**
   * Start on "Log in with ConnectID (sandbox)" and pay with the customer's own
   * token (default `true`). `false`: no login; the shop pays with one token of a
   * sandbox test customer, signed in without a browser.
   */
  login?: boolean;
  /**
   * How long the return page waits for the provider's record to show the
   * payment (default 1500 ms), before it says "not confirmed yet".
   */
  confirmWaitMs?: number;
  /**
   * How long the sandbox takes to show a finished payment as paid in its
   * record (default 4000 ms): longer than `confirmWaitMs`, so the first look
   * usually says "not confirmed yet", as a provider's record that lags would.
   */
  paidRecordDelayMs?: number;
  /**
   * The sandbox's access token lifetime (default 12 hours). The login
   * refreshes a minute before expiry, so 90 shows a refresh 30 s after login.
   */
  tokenLifetimeSeconds?: number;
}

/** The demo's record lag: never zero, so "not confirmed yet" is a path a visitor sees. */
export const DEMO_PAID_RECORD_DELAY_MS = 4000;

export interface Demo {
  merchantUrl: string;
  sandbox: Sandbox;
  /** What the shop granted: only invoices the provider's record showed paid. */
  grants(): Promise<Grant[]>;
  close(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const log = options.log ?? (() => {});
  const login = options.login ?? true;
  const sandbox = await startDemoSandbox(options);
  // One state for the shop and its login: this process's memory.
  const state = memoryState();
  let merchant: Merchant;
  try {
    merchant = await startMerchant({
      state,
      apiUrl: sandbox.apiUrl,
      loginServer: sandbox.loginServer,
      // Without a login, one test customer's token, signed in without a browser:
      // the sandbox takes only tokens its login server issued.
      ...(login ? {} : { accessToken: sandbox.signIn().accessToken }),
      port: options.merchantPort ?? 0,
      confirmWaitMs: options.confirmWaitMs ?? 1500,
      // The shop's own client: the back office's token (client credentials).
      backOffice: {
        clientId: DEFAULT_OAUTH_CLIENT.clientId,
        clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
      },
      log: (line) => log(`[merchant] ${line}`),
      ...(login
        ? {
            login: createDemoLogin({
              ...DEFAULT_OAUTH_CLIENT,
              loginServer: sandbox.loginServer,
              apiUrl: sandbox.apiUrl,
              state,
              log: (line) => log(`[merchant] ${line}`),
            }),
          }
        : {}),
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return {
    merchantUrl: merchant.url,
    sandbox,
    grants: () => merchant.grants(),
    close: async () => {
      await Promise.all([merchant.close(), sandbox.close()]);
    },
  };
}

/** The sandbox as the demo sets it up: its record lag, and its lines in the demo's log. */
export function startDemoSandbox(options: DemoOptions): Promise<Sandbox> {
  const log = options.log ?? (() => {});
  return startSandbox({
    ...(options.statusParam ? { statusParam: options.statusParam } : {}),
    ...(options.tokenLifetimeSeconds ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}),
    paidRecordDelayMs: options.paidRecordDelayMs ?? DEMO_PAID_RECORD_DELAY_MS,
    log: (line) => log(`[sandbox] ${line}`),
  });
}
