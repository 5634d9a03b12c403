import { fail } from "./errors.js";
import { checkTransactionId } from "./validate.js";
import { DEFAULT_STATUS_PARAM, toStatus, type PaymentReturnStatus } from "./status.js";

/** What a return can be read from: a URL, a URL or path string, its query, or a fetch `Request`. */
export type PaymentReturnInput = URL | string | URLSearchParams | Request;

export interface PaymentReturnOptions {
  /** The query parameter that carries the result. Default `DEFAULT_STATUS_PARAM`. */
  param?: string;
}

export interface PaymentReturn {
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
  const param = options?.param ?? DEFAULT_STATUS_PARAM;
  if (typeof param !== "string" || param === "") fail("param", "required");
  if (param === TRANSACTION_ID_PARAM || param === SIGNATURE_PARAM) fail("param", "reserved_param");
  return param;
}

/**
 * Reads the absolute URL (when there is one) and the query of any input.
 * Never throws: an input that cannot be read has an empty query.
 */
export function readInput(input: unknown): { url?: URL; query: URLSearchParams } {
  try {
    if (input instanceof URLSearchParams) return { query: input };
    // Any object with a string `url` counts as a Request, whichever realm made it.
    const text =
      typeof input === "string"
        ? input
        : input instanceof URL
          ? input.href
          : (input as Request).url;
    if (typeof text === "string") {
      try {
        const url = new URL(text);
        return { url, query: url.searchParams };
      } catch {
        // A path such as Node's `req.url`: its query is all that is needed here.
        return { query: new URL(text, "http://localhost").searchParams };
      }
    }
  } catch {
    // fall through: nothing readable
  }
  return { query: new URLSearchParams() };
}

/** Reads the one value of the transactionId parameter by the rules of `checkTransactionId`. */
export function readTransactionId(values: string[]): number | undefined {
  try {
    return values.length === 1 ? checkTransactionId(values[0]) : undefined;
  } catch {
    return undefined;
  }
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
  const param = statusParam(options);
  const { query } = readInput(input);
  const status = toStatus(query.getAll(param));
  const transactionId = readTransactionId(query.getAll(TRANSACTION_ID_PARAM));
  return transactionId === undefined ? { status } : { status, transactionId };
}
