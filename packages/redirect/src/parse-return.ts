import { fail } from "./errors.js";
import { DEFAULT_STATUS_PARAM, toStatus, type PaymentReturnStatus } from "./status.js";
import { checkRequired, checkTransactionId, parseUrl } from "./validate.js";

/** What a return can be read from: a URL, a URL or path string, its query, or a fetch `Request`. */
export type PaymentReturnInput = URL | string | URLSearchParams | Request;

/** The options of `parsePaymentReturn`. */
export interface PaymentReturnOptions {
  /** The query parameter that carries the result. Default `DEFAULT_STATUS_PARAM`. */
  param?: string;
}

/** What `parsePaymentReturn` read from a return URL. */
export interface PaymentReturn {
  /** The result, as claimed by whoever holds the browser: confirm with the API before delivering. */
  status: PaymentReturnStatus;
  /** From the binding parameter that `bindReturnUrl` adds; unverified here. */
  transactionId?: number;
}

/** The parameter `bindReturnUrl` adds that carries the transactionId. */
export const TRANSACTION_ID_PARAM = "cp_tx";
/** The parameter `bindReturnUrl` adds that carries the signature. */
export const SIGNATURE_PARAM = "cp_sig";

/** Returns the status parameter's name, refusing names that cannot work. */
export function statusParam(options?: PaymentReturnOptions): string {
  const param = checkRequired("param", options?.param ?? DEFAULT_STATUS_PARAM);
  if (param === TRANSACTION_ID_PARAM || param === SIGNATURE_PARAM) fail("param", "reserved_param");
  return param;
}

/** Everything both readers need from a return. */
export interface ReadReturn {
  /** The status parameter's name, checked. */
  param: string;
  /** Only when the input is an absolute URL: a bare query or a path has no origin. */
  url: URL | undefined;
  query: URLSearchParams;
  status: PaymentReturnStatus;
  /** The one plain positive integer in `cp_tx`, unverified. */
  transactionId: number | undefined;
}

/** Reads any input; never throws, except for a bad `param` option. */
export function readReturn(input: unknown, options?: PaymentReturnOptions): ReadReturn {
  const param = statusParam(options);
  let text = "";
  try {
    // A URL's string is its href. Any object with a `url` counts as a Request,
    // whichever realm made it.
    text = input instanceof URLSearchParams ? `?${input}` : `${Object(input).url ?? input}`;
  } catch {
    // Unreadable (a hostile getter, say): an empty query.
  }
  const url = parseUrl(text);
  // A path such as Node's `req.url`: only its query can be read.
  const query = (url ?? parseUrl(text, "http://localhost"))?.searchParams ?? new URLSearchParams();
  const values = query.getAll(TRANSACTION_ID_PARAM);
  let transactionId: number | undefined;
  try {
    if (values.length === 1) transactionId = checkTransactionId(values[0]);
  } catch {
    // Not a plain positive integer: left out.
  }
  return { param, url, query, status: toStatus(query.getAll(param)), transactionId };
}

/**
 * Reads the result the customer came back with. Never throws for any input;
 * throws a `RedirectError` only for a bad `param` option. The status is a
 * claim by whoever holds the browser: check with the API before delivering.
 */
export function parsePaymentReturn(
  input: PaymentReturnInput,
  options?: PaymentReturnOptions,
): PaymentReturn {
  const { status, transactionId } = readReturn(input, options);
  return transactionId ? { status, transactionId } : { status };
}
