import { fail } from "./errors.js";
import { inputText, parseUrl, receivedUrl } from "@connect-payment/internal";
import type { PaymentReturnInput } from "./input.js";
import {
  addedStatus,
  addedTo,
  decode,
  SIGNATURE_PARAM,
  splitAtSignature,
  TRANSACTION_ID_PARAM,
  valuesOf,
  type SplitQuery,
} from "./query.js";
import { DEFAULT_STATUS_PARAM, toStatus, type PaymentReturnStatus } from "./status.js";
import { checkId, checkRequired, checkUrl } from "./validate.js";

/** The options of `parsePaymentReturn`. */
export interface PaymentReturnOptions {
  /**
   * The query parameter that carries the result, when you know it. Without it
   * the result is found by its value among what ConnectID added (see the README).
   */
  param?: string;
  /**
   * The return URL you sent (for an unbound return): what the customer came
   * back with beyond it is what ConnectID added. A bound return needs no help:
   * ConnectID's additions are what follows the signature.
   */
  returnUrl?: string;
}

/** What `parsePaymentReturn` read from a return URL. */
export interface PaymentReturn {
  /** The result, as claimed by whoever holds the browser: decide what to show with it, never what to grant. */
  status: PaymentReturnStatus;
  /** From the binding parameter that `bindReturnUrl` adds; unverified here. */
  transactionId?: number;
}

/** Returns the checked status parameter's name, or `undefined` when not given. */
export function statusParam(options?: { param?: string }): string | undefined {
  if (options?.param === undefined) return undefined;
  const param = checkRequired("param", options.param);
  if (param === TRANSACTION_ID_PARAM || param === SIGNATURE_PARAM) fail("param", "reserved_param");
  return param;
}

/** Everything both readers need from a return. */
export interface ReadReturn {
  /** Only when the return has an origin: the input's, or `origin` when given. */
  url: URL | undefined;
  /** The raw query cut at its first `cp_sig`. */
  split: SplitQuery;
  status: PaymentReturnStatus;
  /** The one plain positive integer in `cp_tx`, unverified. */
  transactionId: number | undefined;
}

/** Reads any input; never throws, except for a bad option. */
export function readReturn(
  input: unknown,
  options: PaymentReturnOptions | undefined,
  origin?: string,
): ReadReturn {
  const param = statusParam(options);
  const sent =
    options?.returnUrl === undefined ? undefined : checkUrl("returnUrl", options.returnUrl);
  const text = inputText(input) ?? "";
  const url = receivedUrl(text, origin);
  // A path such as Node's `req.url`, or a bare query: only its query can be read.
  const raw = (url ?? parseUrl(text, "http://localhost"))?.search.slice(1) ?? "";
  const all = decode(raw);
  const split = splitAtSignature(raw);
  const added = sent ? addedTo(decode(sent.search.slice(1)), all) : split.added;
  const status =
    param !== undefined
      ? toStatus(valuesOf(added ?? all, param))
      : added
        ? addedStatus(added)
        : toStatus(valuesOf(all, DEFAULT_STATUS_PARAM));
  const ids = valuesOf(all, TRANSACTION_ID_PARAM);
  let transactionId: number | undefined;
  try {
    if (ids.length === 1) transactionId = checkId("transactionId", ids[0]);
  } catch {
    // Not a plain positive integer: left out.
  }
  return { url, split, status, transactionId };
}

/**
 * Reads the result the customer came back with. Never throws for any input;
 * throws a `RedirectError` only for a bad option. The status is a claim by
 * whoever holds the browser: it decides what to show, never what to grant.
 *
 * @example
 * ```ts
 * import { parsePaymentReturn } from "@connect-payment/redirect";
 *
 * const { status, transactionId } = parsePaymentReturn(
 *   "https://shop.example/return?transactionId=12378954&paymentStatus=cancelled",
 * );
 * ```
 */
export function parsePaymentReturn(
  input: PaymentReturnInput,
  options?: PaymentReturnOptions,
): PaymentReturn {
  const { status, transactionId } = readReturn(input, options);
  return transactionId ? { status, transactionId } : { status };
}
