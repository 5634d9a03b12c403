import { readReturn, statusParam, type PaymentReturnOptions } from "./parse-return.js";
import { SIGNATURE_PARAM, TRANSACTION_ID_PARAM, valuesOf } from "./query.js";
import { importSecret, type BindingSecret } from "./secret.js";
import { fail } from "./errors.js";
import type { PaymentReturnInput } from "./input.js";
import { DEFAULT_STATUS_PARAM, type PaymentReturnStatus } from "./status.js";
import { checkId, checkUrl } from "./validate.js";

/** The options of `bindReturnUrl`. */
export interface BindOptions {
  /** The payment this return URL is for. */
  transactionId: number | string;
  /** A server-side secret; never send it to the browser. */
  secret: BindingSecret;
  /** The status parameter's name, when you know it: the return URL may not use it. */
  param?: string;
}

/** The options of `verifyPaymentReturn`. */
export interface VerifyOptions {
  /** The same secret `bindReturnUrl` used. */
  secret: BindingSecret;
  /** The status parameter's name, when you know it; otherwise the result is found by its value. */
  param?: string;
  /**
   * Your site's public origin, e.g. `https://shop.example`. When set, only the
   * path and query of the input count, so a path such as Node's `req.url` can
   * be verified and neither a proxy nor a forged request target moves the origin.
   */
  expectedOrigin?: string;
}

/** What `verifyPaymentReturn` returns: verified with what was bound, or why not. */
export type VerifiedPaymentReturn =
  | {
      /** The binding holds: this browser came back from the bound payment, to the bound page. */
      verified: true;
      /** The result, still only the browser's claim: it decides what to show, never what to grant. */
      status: PaymentReturnStatus;
      /** The bound, verified transactionId. */
      transactionId: number;
      /**
       * Your own query parameters as you bound them (without `cp_tx`): read
       * them here, never from the raw URL, where anything may follow the signature.
       */
      params: URLSearchParams;
    }
  | {
      /** The binding does not hold: do not trust this return for any payment. */
      verified: false;
      /** The result the URL claims, for a message to the customer. */
      status: PaymentReturnStatus;
      /** No `cp_sig`; tampered or foreign; or duplicated, repeated, missing or unreadable parts. */
      reason: "missing_signature" | "bad_signature" | "malformed";
    };

/**
 * Adds `cp_tx` (the transactionId) and `cp_sig` (an HMAC-SHA-256 signature) to
 * `returnUrl`. The signature covers the origin, the path and the exact text of
 * the query before `cp_sig`; ConnectID appends the result after it. It proves
 * which payment the browser came back for, not that it was paid.
 *
 * @example
 * ```ts
 * import { bindReturnUrl } from "@connect-payment/redirect";
 *
 * declare const secret: Uint8Array; // 32 random bytes or more, from your configuration
 * const returnUrl = await bindReturnUrl("https://shop.example/return?order=7", {
 *   transactionId: 12378954, // what Pay invoice answered with
 *   secret,
 * });
 * ```
 */
export async function bindReturnUrl(returnUrl: string, options: BindOptions): Promise<string> {
  const url = checkUrl("returnUrl", returnUrl);
  const transactionId = checkId("transactionId", options.transactionId);
  const param = statusParam(options) ?? DEFAULT_STATUS_PARAM;
  const key = await importSecret(options.secret);
  for (const name of [TRANSACTION_ID_PARAM, SIGNATURE_PARAM, param]) {
    if (url.searchParams.has(name)) fail("returnUrl", "reserved_param");
  }
  // Appended as text so the merchant's own query keeps its exact encoding.
  url.search += `${url.search ? "&" : ""}${TRANSACTION_ID_PARAM}=${transactionId}`;
  url.search += `&${SIGNATURE_PARAM}=${await sign(key, url, url.search.slice(1))}`;
  return url.href;
}

/**
 * Checks the binding that `bindReturnUrl` added, in constant time. Pass the
 * full URL (or `Request`) as your server received it, or its path with
 * `expectedOrigin`. Never throws for any input; throws a `RedirectError` only
 * for bad options.
 *
 * @example
 * ```ts
 * import { isPaid, verifyPaymentReturn } from "@connect-payment/redirect";
 *
 * declare const secret: Uint8Array; // 32 random bytes or more, from your configuration
 * declare const requestUrl: string; // the return route's request URL
 * const result = await verifyPaymentReturn(requestUrl, { secret });
 * if (result.verified && isPaid(result.status)) {
 *   // Show the receipt for result.transactionId; the API remains the proof of payment.
 * }
 * ```
 */
export async function verifyPaymentReturn(
  input: PaymentReturnInput,
  options: VerifyOptions,
): Promise<VerifiedPaymentReturn> {
  const origin =
    options.expectedOrigin === undefined
      ? undefined
      : checkUrl("expectedOrigin", options.expectedOrigin).origin;
  const { url, split, status, transactionId } = readReturn(
    input,
    { param: options.param } as PaymentReturnOptions,
    origin,
  );
  const key = await importSecret(options.secret);
  const { signed, bound, signature, added } = split;
  const boundNames = new Set(bound.map(([name]) => name));
  const reason =
    signature === undefined
      ? "missing_signature"
      : // Anything after the signature that repeats a bound name (or cp_sig) would
        // let a reader of the raw URL see an unbound value in place of a bound one.
        !url ||
          !transactionId ||
          valuesOf(bound, TRANSACTION_ID_PARAM).length !== 1 ||
          added!.some(([name]) => name === SIGNATURE_PARAM || boundNames.has(name))
        ? "malformed"
        : // Compares the HMACs of both signatures, not the signatures: where the
          // comparison stops then tells an attacker nothing (constant time).
          (await hmac(key, await sign(key, url, signed))) === (await hmac(key, signature))
          ? undefined
          : "bad_signature";
  if (reason) return { verified: false, status, reason };
  const params = new URLSearchParams(bound.filter(([name]) => name !== TRANSACTION_ID_PARAM));
  return { verified: true, status, transactionId: transactionId!, params };
}

const encode = (text: string) => new TextEncoder().encode(text);

/** The HMAC-SHA-256 of a text, as 64 lowercase hex digits. */
async function hmac(key: CryptoKey, text: string): Promise<string> {
  let hex = "";
  for (const byte of new Uint8Array(await crypto.subtle.sign("HMAC", key, encode(text)))) {
    hex += (byte + 256).toString(16).slice(1);
  }
  return hex;
}

/**
 * The signature of the origin, the path and the raw query text before `cp_sig`.
 * The raw text, not decoded pairs: `%FF` and `%FE`, `+` and `%20`, `flag` and
 * `flag=` decode alike but are different URLs.
 */
function sign(key: CryptoKey, url: URL, signed: string): Promise<string> {
  // JSON keeps the pieces apart, so no two different URLs share one message.
  return hmac(key, JSON.stringify(["cp2", url.origin + url.pathname, signed]));
}
