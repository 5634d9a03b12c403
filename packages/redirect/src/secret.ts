import { fail } from "./errors.js";
import { checkRequired } from "./validate.js";

/** The shortest secret accepted, in bytes (a text secret counts its UTF-8 bytes). */
export const MIN_SECRET_LENGTH = 32;

/** A binding secret: text (at least 32 UTF-8 bytes), bytes, or an HMAC `CryptoKey` that can sign. */
export type BindingSecret = string | Uint8Array | CryptoKey;

/** The HMAC-SHA-256 key of a secret, refusing one too weak to bind with. */
export async function importSecret(secret: unknown): Promise<CryptoKey> {
  if (secret instanceof CryptoKey) {
    if (secret.algorithm.name !== "HMAC" || !secret.usages.includes("sign")) {
      fail("secret", "crypto_key");
    }
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
