import { fail } from "./errors.js";
import { checkText, checkTransactionId, checkUrl } from "./validate.js";

export interface InvoicePaymentUrlOptions {
  /** The ConnectID login server, e.g. `LOGIN_SERVERS.norway`, or any https URL. */
  loginServer: string;
  /** Your client's id at ConnectID, e.g. `no.mediaconnect.test`. */
  clientId: string;
  /** The `transactionId` that Pay invoice answered with. */
  transactionId: number | string;
  /** Where the customer comes back after paying, cancelling or failing. */
  returnUrl: string;
  /** Where ConnectID sends the customer on a system error. */
  errorUrl: string;
  /** When set, `returnUrl` and `errorUrl` must have one of these origins. */
  allowedReturnOrigins?: string[];
}

/**
 * Builds the URL that sends the customer's browser to ConnectID to pay an
 * invoice. Throws a `RedirectError` naming the field and rule for bad input.
 */
export function buildInvoicePaymentUrl(options: InvoicePaymentUrlOptions): string {
  const server = checkUrl("loginServer", options.loginServer);
  if (/[?#]/.test(options.loginServer)) fail("loginServer", "query_or_fragment");
  const clientId = checkText("clientId", options.clientId);
  const transactionId = checkTransactionId(options.transactionId);
  const returnUrl = checkUrl("returnUrl", options.returnUrl);
  const errorUrl = checkUrl("errorUrl", options.errorUrl);

  const allowed = options.allowedReturnOrigins;
  if (allowed) {
    if (!Array.isArray(allowed) || allowed.length === 0) fail("allowedReturnOrigins", "required");
    const origins = allowed.map((origin) => checkUrl("allowedReturnOrigins", origin).origin);
    for (const [field, url] of [
      ["returnUrl", returnUrl],
      ["errorUrl", errorUrl],
    ] as const) {
      if (!origins.includes(url.origin)) fail(field, "origin_not_allowed");
    }
  }

  // The URLs go out as the parser normalised them, so ConnectID receives
  // exactly what was checked here (no parser differences, e.g. with "\").
  const base = (server.origin + server.pathname).replace(/\/+$/, "");
  const encode = encodeURIComponent;
  return (
    `${base}/payment/invoice/pay?clientId=${encode(clientId)}` +
    `&returnUrl=${encode(returnUrl.href)}&errorUrl=${encode(errorUrl.href)}` +
    `&transactionId=${transactionId}`
  );
}
