import { fail } from "./errors.js";
import { PAY_PAGE_PATH, PAYMENT_CHANGE_PAGE_PATH } from "./generated/spec.js";
import { checkId, checkText, checkUrl } from "./validate.js";

/** What every page URL needs: the login server, your client and where the customer comes back. */
export interface PageUrlOptions {
  /** The ConnectID login server, e.g. `LOGIN_SERVERS.norway`, or any https URL. */
  loginServer: string;
  /** Your client's id at ConnectID, e.g. `no.mediaconnect.test`. */
  clientId: string;
  /** Where the customer comes back after finishing, cancelling or failing. */
  returnUrl: string;
  /** Where ConnectID sends the customer on a system error. */
  errorUrl: string;
  /** When set, `returnUrl` and `errorUrl` must have one of these origins. */
  allowedReturnOrigins?: string[];
}

/** The options of `buildInvoicePaymentUrl`; the README lists the rules of each. */
export interface InvoicePaymentUrlOptions extends PageUrlOptions {
  /** The `transactionId` that Pay invoice answered with. */
  transactionId: number | string;
}

/** The options of `buildPaymentChangeUrl`; the README lists the rules of each. */
export interface PaymentChangeUrlOptions extends PageUrlOptions {
  /** The `paymentChangeId` that Change payment method answered with. */
  paymentChangeId: number | string;
  /**
   * PayEx only: the recurrence token (ticket) the product already has, to be
   * replaced by the new one, so the product keeps one ticket.
   */
  ticket?: string;
}

/**
 * `{loginServer}{path}?clientId&returnUrl&errorUrl` and then `tail`, by the
 * rules every page URL shares; `tail` holds only checked, encoded parameters.
 */
function pageUrl(options: PageUrlOptions, path: string, tail: () => string): string {
  const server = checkUrl("loginServer", options.loginServer);
  if (/[?#]/.test(options.loginServer)) fail("loginServer", "query_or_fragment");
  const clientId = checkText("clientId", options.clientId);
  const rest = tail();

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
  return `${base}${path}?${query}${rest}`;
}

/**
 * Builds the URL that sends the customer's browser to ConnectID to pay an
 * invoice. Throws a `RedirectError` naming the field and rule for bad input.
 *
 * @example
 * ```ts
 * import { buildInvoicePaymentUrl, LOGIN_SERVERS } from "@connect-payment/redirect";
 *
 * declare const clientId: string; // your ConnectID client id
 * declare const returnUrl: string; // bound with bindReturnUrl to the transaction
 * const url = buildInvoicePaymentUrl({
 *   loginServer: LOGIN_SERVERS.test,
 *   clientId,
 *   transactionId: 12378954, // what Pay invoice answered with
 *   returnUrl,
 *   errorUrl: "https://shop.example/error",
 * });
 * ```
 */
export function buildInvoicePaymentUrl(options: InvoicePaymentUrlOptions): string {
  return pageUrl(
    options,
    PAY_PAGE_PATH,
    () => `&transactionId=${checkId("transactionId", options.transactionId)}`,
  );
}

/**
 * Builds the URL that sends the customer's browser to ConnectID's
 * `/paymentChange` page to complete Change payment method, with the same
 * rules as {@link buildInvoicePaymentUrl}. The result comes back on
 * `returnUrl` as for a payment. Throws a `RedirectError` for bad input.
 *
 * @example
 * ```ts
 * import { buildPaymentChangeUrl, LOGIN_SERVERS } from "@connect-payment/redirect";
 *
 * declare const clientId: string; // your ConnectID client id
 * declare const returnUrl: string; // bound with bindReturnUrl to the paymentChangeId
 * const url = buildPaymentChangeUrl({
 *   loginServer: LOGIN_SERVERS.test,
 *   clientId,
 *   paymentChangeId: 4711, // what Change payment method answered with
 *   returnUrl,
 *   errorUrl: "https://shop.example/payment-method/error",
 * });
 * ```
 */
export function buildPaymentChangeUrl(options: PaymentChangeUrlOptions): string {
  return pageUrl(options, PAYMENT_CHANGE_PAGE_PATH, () => {
    const id = checkId("paymentChangeId", options.paymentChangeId);
    const { ticket } = options;
    const rest =
      ticket === undefined ? "" : `&ticket=${encodeURIComponent(checkText("ticket", ticket))}`;
    return `&paymentChangeId=${id}${rest}`;
  });
}
