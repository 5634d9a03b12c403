import { fail } from "./errors.js";
import {
  readInput,
  readTransactionId,
  SIGNATURE_PARAM,
  statusParam,
  TRANSACTION_ID_PARAM,
  type PaymentReturnInput,
} from "./parse-return.js";
import { toStatus, type PaymentReturnStatus } from "./status.js";
import { checkTransactionId, checkUrl } from "./validate.js";

/** The shortest secret accepted; use 32 random bytes or more in practice. */
export const MIN_SECRET_LENGTH = 16;

export interface BindOptions {
  /** The payment this return URL is for. */
  transactionId: number | string;
  /** A server-side secret; never send it to the browser. */
  secret: string;
  /** The status parameter's name, if not `DEFAULT_STATUS_PARAM`. */
  param?: string;
}

export interface VerifyOptions {
  /** The same secret `bindReturnUrl` used. */
  secret: string;
  /** The status parameter's name, if not `DEFAULT_STATUS_PARAM`. */
  param?: string;
}

export type VerifiedPaymentReturn =
  | { verified: true; status: PaymentReturnStatus; transactionId: number }
  | {
      verified: false;
      status: PaymentReturnStatus;
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
  url.search = `${url.search || "?"}${url.search ? "&" : ""}${TRANSACTION_ID_PARAM}=${transactionId}`;
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
  const param = statusParam(options);
  const key = await importSecret(options.secret);
  const { url, query } = readInput(input);
  const status = toStatus(query.getAll(param));
  const signatures = query.getAll(SIGNATURE_PARAM);
  const transactionId = readTransactionId(query.getAll(TRANSACTION_ID_PARAM));
  const refuse = (reason: "missing_signature" | "bad_signature" | "malformed") =>
    ({ verified: false, status, reason }) as const;
  if (signatures.length === 0) return refuse("missing_signature");
  if (!url || signatures.length > 1 || !transactionId) return refuse("malformed");
  return equalInConstantTime(await sign(key, url, param), signatures[0]!)
    ? { verified: true, status, transactionId }
    : refuse("bad_signature");
}

async function importSecret(secret: unknown): Promise<CryptoKey> {
  if (typeof secret !== "string" || secret === "") fail("secret", "required");
  if ((secret as string).length < MIN_SECRET_LENGTH) fail("secret", "too_short");
  const bytes = new TextEncoder().encode(secret as string);
  return crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** Signs the bound parts of the URL; the result is 64 lowercase hex digits. */
async function sign(key: CryptoKey, url: URL, param: string): Promise<string> {
  const bound: string[] = [];
  for (const [name, value] of url.searchParams) {
    if (name === SIGNATURE_PARAM) break;
    if (name !== param) bound.push(name, value);
  }
  // JSON keeps the pieces apart, so no two different URLs share one message.
  const message = JSON.stringify(["cp1", url.origin + url.pathname, bound]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message));
  return Array.from(new Uint8Array(mac), (byte) => (byte + 256).toString(16).slice(1)).join("");
}

/** Compares every character whatever the first difference, so timing reveals nothing. */
function equalInConstantTime(expected: string, actual: string): boolean {
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) {
    difference |= expected.charCodeAt(i) ^ actual.charCodeAt(i);
  }
  return difference === 0;
}
