// Tokens at rest, sealed with the merchant's key (AES-256-GCM, WebCrypto).
// The key's name is the additional data, so a sealed value copied under
// another login's key does not open there.
import { ConnectIdError } from "@connect-payment/oauth";

const PREFIX = "aesgcm1:";
const IV_BYTES = 12;

/** The `encryptionKey` option: a `CryptoKey` for AES-GCM, or 16, 24 or 32 random bytes. */
export type EncryptionKeyInput = CryptoKey | Uint8Array;

/** Seals and opens values for one store; `undefined` key means values are kept as they are. */
export interface Sealer {
  seal(plain: string, name: string): Promise<string>;
  open(stored: string, name: string): Promise<string>;
}

export function sealerFor(input: EncryptionKeyInput | undefined): Sealer {
  if (input === undefined) {
    return {
      seal: (plain) => Promise.resolve(plain),
      open: (stored, name) => {
        if (stored.startsWith(PREFIX))
          throw cannotOpen(name, "it is encrypted and no encryptionKey was given");
        return Promise.resolve(stored);
      },
    };
  }
  let key: Promise<CryptoKey> | undefined;
  // A copy: changing the caller's bytes later changes nothing here.
  const raw = input instanceof Uint8Array ? new Uint8Array(input) : undefined;
  const cryptoKey = () =>
    (key ??= raw
      ? crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"])
      : Promise.resolve(input as CryptoKey));
  const additionalData = (name: string) => new TextEncoder().encode(name);
  return {
    async seal(plain, name) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: additionalData(name) },
        await cryptoKey(),
        new TextEncoder().encode(plain),
      );
      return PREFIX + toBase64(iv) + "." + toBase64(new Uint8Array(sealed));
    },
    async open(stored, name) {
      const [iv, sealed] = stored.startsWith(PREFIX) ? stored.slice(PREFIX.length).split(".") : [];
      if (!iv || !sealed)
        throw cannotOpen(name, "it is not encrypted, and an encryptionKey is set");
      try {
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: fromBase64(iv), additionalData: additionalData(name) },
          await cryptoKey(),
          fromBase64(sealed),
        );
        return new TextDecoder().decode(plain);
      } catch {
        throw cannotOpen(name, "a different key sealed it, or it was changed");
      }
    },
  };
}

function cannotOpen(name: string, why: string) {
  return new ConnectIdError(
    "store_unavailable",
    `The tokens stored under ${name} cannot be read: ${why}`,
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
