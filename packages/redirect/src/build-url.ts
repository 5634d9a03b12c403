import { fail } from "./errors.js";
import { checkText, checkTransactionId, checkUrl } from "./validate.js";

/** The options of `buildInvoicePaymentUrl`; the README lists the rules of each. */
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

  const allowed = options.allowedReturnOrigins;
  const field = "allowedReturnOrigins";
  if (allowed && !(Array.isArray(allowed) && allowed.length)) fail(field, "required");
  const origins = allowed?.map((origin) => checkUrl(field, origin).origin);

  // returnUrl and errorUrl follow the same rules. They go out as the parser
  // normalised them, so ConnectID receives exactly what was checked here (no
  // parser differences, e.g. with "\").
  let query = `clientId=${encodeURIComponent(clientId)}`;
  for (const field of ["returnUrl", "errorUrl"] as const) {
    const url = checkUrl(field, options[field]);
    if (origins && !origins.includes(url.origin)) fail(field, "origin_not_allowed");
    query += `&${field}=${encodeURIComponent(url.href)}`;
  }

  const base = (server.origin + server.pathname).replace(/\/+$/, "");
  return `${base}/payment/invoice/pay?${query}&transactionId=${transactionId}`;
}
