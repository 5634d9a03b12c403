import { fail, MIN_SECRET_LENGTH } from "./errors.js";
import { checkRequired } from "./validate.js";

export { MIN_SECRET_LENGTH } from "./errors.js";

/** A binding secret: text (at least 32 UTF-8 bytes), bytes, or an HMAC `CryptoKey` that can sign (at least 32 bytes long). */
export type BindingSecret = string | Uint8Array | CryptoKey;

/** The HMAC-SHA-256 key of a secret, refusing one too weak to bind with. */
export async function importSecret(secret: unknown): Promise<CryptoKey> {
  if (secret instanceof CryptoKey) {
    if (secret.algorithm.name !== "HMAC" || !secret.usages.includes("sign")) {
      fail("secret", "crypto_key");
    }
    // An HMAC key's length is in bits; a short key can be found by trying them all.
    const { length } = secret.algorithm as HmacKeyAlgorithm;
    if (!(length >= 8 * MIN_SECRET_LENGTH)) fail("secret", "too_short");
    return secret;
  }
  // A copy, so the key cannot change when the caller's array does.
  const bytes =
    secret instanceof Uint8Array ? Uint8Array.from(secret) : new TextEncoder().encode(text(secret));
  if (bytes.length < MIN_SECRET_LENGTH) fail("secret", "too_short");
  return crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

function text(secret: unknown): string {
  const value = checkRequired("secret", secret);
  try {
    // Throws on a lone surrogate: such text has no exact UTF-8 form, and
    // TextEncoder would turn every such secret into the same replacement bytes.
    encodeURIComponent(value);
  } catch {
    fail("secret", "lone_surrogate");
  }
  return value;
}
