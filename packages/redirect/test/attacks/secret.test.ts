// The secret counts bytes, refuses text without an exact byte form, and may
// be bytes or an HMAC CryptoKey.
import { describe, expect, test } from "vitest";
import { bindReturnUrl, MIN_SECRET_LENGTH, verifyPaymentReturn } from "../../src/index.js";

const returnUrl = "https://shop.example/return";
const bind = (secret: unknown) =>
  bindReturnUrl(returnUrl, { transactionId: 1, secret: secret as string });

describe("a text secret", () => {
  test("needs at least 32 bytes", () => {
    expect(MIN_SECRET_LENGTH).toBe(32);
  });

  test("of exactly the minimum length is accepted; one byte less is refused", async () => {
    await expect(bind("s".repeat(MIN_SECRET_LENGTH))).resolves.toContain("cp_sig=");
    await expect(bind("s".repeat(MIN_SECRET_LENGTH - 1))).rejects.toMatchObject({
      field: "secret",
      rule: "too_short",
    });
  });

  test("of 16 characters is refused, however they are written", async () => {
    await expect(bind("a".repeat(16))).rejects.toMatchObject({ rule: "too_short" });
  });

  test("counts UTF-8 bytes, not characters", async () => {
    // 16 characters of two bytes each: 32 bytes.
    await expect(bind("é".repeat(16))).resolves.toContain("cp_sig=");
    await expect(bind("é".repeat(15) + "e")).rejects.toMatchObject({ rule: "too_short" });
  });

  test("with a lone surrogate is refused: two such secrets would share one key", async () => {
    for (const secret of ["\ud800".repeat(32), "\udfff".repeat(32), `${"x".repeat(40)}\ud83d`]) {
      await expect(bind(secret)).rejects.toMatchObject({ field: "secret", rule: "lone_surrogate" });
    }
    // A surrogate pair is well-formed text.
    await expect(bind("😀".repeat(8))).resolves.toContain("cp_sig=");
  });

  test("refused never shows up in the error", async () => {
    const secret = "short-secret-value";
    const error = await bind(secret).catch((e: unknown) => e);
    expect(String(error)).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
  });
});

describe("a bytes secret", () => {
  test("of 32 bytes binds like the same bytes as text", async () => {
    const text = "b".repeat(32);
    const bytes = new TextEncoder().encode(text);
    expect(await bind(bytes)).toBe(await bind(text));
  });

  test("is copied: changing the array afterwards changes nothing", async () => {
    const bytes = new Uint8Array(32).fill(7);
    const bound = await bind(bytes);
    bytes.fill(8);
    expect(await verifyPaymentReturn(bound, { secret: new Uint8Array(32).fill(7) })).toMatchObject({
      verified: true,
    });
  });

  test("of 31 bytes is refused", async () => {
    await expect(bind(new Uint8Array(31))).rejects.toMatchObject({ rule: "too_short" });
  });
});

describe("a CryptoKey secret", () => {
  const hmacKey = (usages: KeyUsage[]) =>
    crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, usages);

  test("binds and verifies", async () => {
    const key = await hmacKey(["sign"]);
    const bound = await bind(key);
    expect(await verifyPaymentReturn(`${bound}&x=finished`, { secret: key })).toMatchObject({
      verified: true,
      status: "finished",
    });
  });

  test("that is not an HMAC key allowed to sign is refused", async () => {
    const aes = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, [
      "encrypt",
    ]);
    await expect(bind(aes)).rejects.toMatchObject({ field: "secret", rule: "crypto_key" });
    await expect(bind(await hmacKey(["verify"]))).rejects.toMatchObject({ rule: "crypto_key" });
    // A key that can sign, but not with HMAC.
    const { privateKey } = await crypto.subtle.generateKey(
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["sign", "verify"],
    );
    await expect(bind(privateKey)).rejects.toMatchObject({ rule: "crypto_key" });
  });
});

describe("a CryptoKey shorter than the minimum", () => {
  const rawKey = (bytes: number, usages: KeyUsage[] = ["sign"]) =>
    crypto.subtle.importKey(
      "raw",
      new Uint8Array(bytes).fill(1),
      { name: "HMAC", hash: "SHA-256" },
      false,
      usages,
    );

  test("of 1 byte (recovered in 256 tries) is refused, to bind and to verify", async () => {
    const key = await rawKey(1);
    await expect(bind(key)).rejects.toMatchObject({ field: "secret", rule: "too_short" });
    const bound = await bind(await rawKey(MIN_SECRET_LENGTH));
    await expect(verifyPaymentReturn(`${bound}&x=finished`, { secret: key })).rejects.toMatchObject(
      { field: "secret", rule: "too_short" },
    );
  });

  test("of 31 bytes is refused; of 32 bytes, and a generated key, are accepted", async () => {
    await expect(bind(await rawKey(MIN_SECRET_LENGTH - 1))).rejects.toMatchObject({
      rule: "too_short",
    });
    await expect(bind(await rawKey(MIN_SECRET_LENGTH))).resolves.toContain("cp_sig=");
    const generated = await crypto.subtle.generateKey(
      { name: "HMAC", hash: "SHA-256", length: 8 * MIN_SECRET_LENGTH },
      false,
      ["sign"],
    );
    await expect(bind(generated)).resolves.toContain("cp_sig=");
    const tooShort = await crypto.subtle.generateKey(
      { name: "HMAC", hash: "SHA-256", length: 8 * MIN_SECRET_LENGTH - 8 },
      false,
      ["sign"],
    );
    await expect(bind(tooShort)).rejects.toMatchObject({ rule: "too_short" });
  });
});

test("the too_short message says the minimum", async () => {
  for (const secret of ["short", new Uint8Array(3)]) {
    const error = (await bind(secret).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`Invalid secret: too_short (at least ${MIN_SECRET_LENGTH} bytes)`);
  }
});

test("every other rule's message is the field and the rule, nothing added", async () => {
  await expect(bind("")).rejects.toHaveProperty("message", "Invalid secret: required");
  await expect(bind("\ud800".repeat(32))).rejects.toHaveProperty(
    "message",
    "Invalid secret: lone_surrogate",
  );
});

test.each([undefined, null, 42, {}, [], ""])(
  "a secret of %j is refused as required",
  async (secret) => {
    await expect(bind(secret)).rejects.toMatchObject({ field: "secret", rule: "required" });
  },
);
