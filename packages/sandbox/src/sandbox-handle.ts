// The handle startSandbox() gives: the URLs, the state to read, and the
// control functions, bound to one sandbox.
import type { Server } from "node:http";
import { completePayment, completePaymentChange, reset, type ControlContext } from "./control.js";
import type { SandboxInvoice, SandboxInvoiceInput } from "./invoices/input.js";
import type { OAuthServer, SignInRequest } from "./oauth/index.js";
import type { RateLimitCounts, RateLimiter } from "./rate-limits.js";
import type { ReceivedRequest } from "./received.js";
import type { PaymentChange, PayPageOutcome, Transaction } from "./transactions.js";

/** A running sandbox, from `startSandbox()`: its URLs, what it saw, and ways to act as the customer. */
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
  /**
   * The client's own token without a request, as the client credentials
   * grant at the token endpoint gives it: for the client-mode operations,
   * refused by the user-mode ones. Default client `DEFAULT_OAUTH_CLIENT`.
   * Throws `SandboxControlError` for an unknown client.
   */
  clientToken(clientId?: string): SandboxClientToken;
  /**
   * Adds an invoice to a test customer's record (default `kari`, the spec's
   * example product and company, the next free number). Amounts as
   * `"295.00"` or `295`, dates as `"2022-01-21"` or epoch milliseconds: the
   * record answers each in the style given. Returns the invoice as List
   * invoices shows it. Throws `SandboxControlError` naming each bad field.
   */
  addInvoice(invoice?: SandboxInvoiceInput): SandboxInvoice;
  /**
   * The invoices of the record as List invoices shows them (payments that
   * have landed counted, disappeared ones left out): one customer's, or
   * every customer's when none is named.
   */
  invoices(customer?: string): SandboxInvoice[];
  /** Forgets every transaction and every received request; the invoice record starts over. */
  reset(): void;
  /**
   * The calls the rate limits let through and the 429s they answered, since
   * the start or the last `reset()`; both 0 without `rateLimits`.
   */
  rateLimitCounts(): RateLimitCounts;
  /** The sandbox's clock, in milliseconds: real time, `clockSpeed` times faster since the start. */
  clock(): number;
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

/** A token from `clientToken()`: no refresh token, the client asks again when it expires. */
export interface SandboxClientToken {
  /** Send as `Authorization: Bearer <accessToken>` on the client-mode operations. */
  accessToken: string;
  /** When it expires, in milliseconds since the epoch (the login server's clock). */
  expiresAt: number;
  /** The scopes granted, space-separated (the login's `read`). */
  scope: string;
}

export interface HandleParts {
  urls: Pick<Sandbox, "apiUrl" | "loginServer" | "controlUrl">;
  server: Server;
  control: ControlContext;
  oauth: OAuthServer;
  limiter: RateLimiter | undefined;
  clock: () => number;
}

export function sandboxHandle({
  urls,
  server,
  control,
  oauth,
  limiter,
  clock,
}: HandleParts): Sandbox {
  return {
    ...urls,
    statusParam: control.statusParam,
    transactions: () => control.transactions.list(),
    requests: () => control.received.list(),
    completePayment: (payUrl, outcome) => completePayment(control, payUrl, outcome),
    completePaymentChange: (changeUrl, outcome) =>
      completePaymentChange(control, changeUrl, outcome),
    paymentChanges: () => control.changes.list(),
    addInvoice: (invoice = {}) => control.invoices.addInput(invoice),
    invoices: (customer) => control.invoices.all(customer),
    reset: () => {
      reset(control);
      limiter?.reset();
    },
    rateLimitCounts: () => limiter?.counts() ?? { allowed: 0, limited: 0 },
    clock,
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
    clientToken: (clientId) => {
      const { tokens, expiresAt } = oauth.clientToken(clientId);
      return { accessToken: tokens.access_token, expiresAt, scope: tokens.scope };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
