import { fail } from "./errors.js";
import {
  readReturn,
  SIGNATURE_PARAM,
  statusParam,
  TRANSACTION_ID_PARAM,
  type PaymentReturnInput,
} from "./parse-return.js";
import type { PaymentReturnStatus } from "./status.js";
import { checkRequired, checkTransactionId, checkUrl } from "./validate.js";

/** The shortest secret accepted; use 32 random bytes or more in practice. */
export const MIN_SECRET_LENGTH = 16;

/** The options of `bindReturnUrl`. */
export interface BindOptions {
  /** The payment this return URL is for. */
  transactionId: number | string;
  /** A server-side secret; never send it to the browser. */
  secret: string;
  /** The status parameter's name, if not `DEFAULT_STATUS_PARAM`. */
  param?: string;
}

/** The options of `verifyPaymentReturn`. */
export interface VerifyOptions {
  /** The same secret `bindReturnUrl` used. */
  secret: string;
  /** The status parameter's name, if not `DEFAULT_STATUS_PARAM`. */
  param?: string;
}

/** What `verifyPaymentReturn` answers: verified with the bound transactionId, or why not. */
export type VerifiedPaymentReturn =
  | {
      /** The binding holds: this browser came back from the bound payment, to the bound page. */
      verified: true;
      /** The result, still only the browser's claim: confirm with the API before delivering. */
      status: PaymentReturnStatus;
      /** The bound, verified transactionId. */
      transactionId: number;
    }
  | {
      /** The binding does not hold: do not trust this return for any payment. */
      verified: false;
      /** The result the URL claims, for a message to the customer. */
      status: PaymentReturnStatus;
      /** No `cp_sig`; tampered or foreign; or duplicated, missing or unreadable parts. */
      reason: "missing_signature" | "bad_signature" | "malformed";
    };

/**
 * Adds `cp_tx` (the transactionId) and `cp_sig` (an HMAC-SHA-256 signature) to
 * `returnUrl`. The signature covers the origin, the path and every query
 * parameter before `cp_sig` except the status, so ConnectID may append the
 * status but nothing bound can change. It proves which payment the browser
 * came back for, not that it was paid.
 */
export async function bindReturnUrl(returnUrl: string, options: BindOptions): Promise<string> {
  const url = checkUrl("returnUrl", returnUrl);
  const transactionId = checkTransactionId(options.transactionId);
  const param = statusParam(options);
  const key = await importSecret(options.secret);
  for (const name of [TRANSACTION_ID_PARAM, SIGNATURE_PARAM, param]) {
    if (url.searchParams.has(name)) fail("returnUrl", "reserved_param");
  }
  // Appended as text so the merchant's own query keeps its exact encoding.
  url.search += `${url.search ? "&" : ""}${TRANSACTION_ID_PARAM}=${transactionId}`;
  url.search += `&${SIGNATURE_PARAM}=${await sign(key, url, param)}`;
  return url.href;
}

/**
 * Checks the binding that `bindReturnUrl` added, in constant time. Pass the
 * full URL (or `Request`) as your server received it: a bare query cannot be
 * verified. Never throws for any input; throws a `RedirectError` only for bad
 * options.
 */
export async function verifyPaymentReturn(
  input: PaymentReturnInput,
  options: VerifyOptions,
): Promise<VerifiedPaymentReturn> {
  const { param, url, query, status, transactionId } = readReturn(input, options);
  const key = await importSecret(options.secret);
  const [signature, ...more] = query.getAll(SIGNATURE_PARAM);
  const reason =
    signature === undefined
      ? "missing_signature"
      : !url || more.length || !transactionId
        ? "malformed"
        : // Compares the HMACs of both signatures, not the signatures: where the
          // comparison stops then tells an attacker nothing (constant time).
          (await hmac(key, await sign(key, url, param))) === (await hmac(key, signature))
          ? undefined
          : "bad_signature";
  return reason
    ? { verified: false, status, reason }
    : { verified: true, status, transactionId: transactionId! };
}

async function importSecret(secret: unknown): Promise<CryptoKey> {
  if (checkRequired("secret", secret).length < MIN_SECRET_LENGTH) fail("secret", "too_short");
  return crypto.subtle.importKey("raw", encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
}

const encode = (text: unknown) => new TextEncoder().encode(text as string);

/** The HMAC-SHA-256 of a text, as 64 lowercase hex digits. */
async function hmac(key: CryptoKey, text: string): Promise<string> {
  let hex = "";
  for (const byte of new Uint8Array(await crypto.subtle.sign("HMAC", key, encode(text)))) {
    hex += (byte + 256).toString(16).slice(1);
  }
  return hex;
}

/** The signature of the bound parts of the URL. */
function sign(key: CryptoKey, url: URL, param: string): Promise<string> {
  const bound: string[][] = [];
  for (const entry of url.searchParams) {
    if (entry[0] === SIGNATURE_PARAM) break;
    if (entry[0] !== param) bound.push(entry);
  }
  // JSON keeps the pieces apart, so no two different URLs share one message.
  return hmac(key, JSON.stringify(["cp1", url.origin + url.pathname, bound]));
}
