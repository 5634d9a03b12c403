// The origin must come from the merchant's configuration, never from the request target.
import { expect, test } from "vitest";
import { bindReturnUrl, verifyPaymentReturn } from "../../src/index.js";

const secret = "a-server-side-secret-of-32-bytes";
const expectedOrigin = "https://shop.example";
const bound = new URL(
  `${await bindReturnUrl("https://shop.example/return?order=7", { transactionId: 3, secret })}&paymentStatus=finished`,
);
const target = bound.pathname + bound.search; // what Node's req.url holds

test("a request target verifies against the expected origin", async () => {
  expect(await verifyPaymentReturn(target, { secret, expectedOrigin })).toMatchObject({
    verified: true,
    transactionId: 3,
  });
});

test("behind a proxy, the internal origin of the request is replaced", async () => {
  const internal = new Request(`http://10.0.0.5:8080${target}`);
  expect(await verifyPaymentReturn(internal, { secret })).toMatchObject({
    reason: "bad_signature",
  });
  expect(await verifyPaymentReturn(internal, { secret, expectedOrigin })).toMatchObject({
    verified: true,
  });
});

test("a target of //evil.example/… stays a path on the expected origin", async () => {
  const forged = `//evil.example${target}`;
  // The trap: resolving the target against the origin moves the origin.
  expect(new URL(forged, expectedOrigin).origin).toBe("https://evil.example");
  expect(await verifyPaymentReturn(forged, { secret, expectedOrigin })).toMatchObject({
    verified: false,
    reason: "bad_signature",
  });
});

test("without an origin anywhere, a path cannot be verified", async () => {
  expect(await verifyPaymentReturn(target, { secret })).toMatchObject({ reason: "malformed" });
  expect(await verifyPaymentReturn(bound.search, { secret, expectedOrigin })).toMatchObject({
    reason: "malformed",
  });
});

test("only the origin of expectedOrigin counts, and it follows the URL rules", async () => {
  expect(
    await verifyPaymentReturn(target, { secret, expectedOrigin: "https://shop.example/ignored" }),
  ).toMatchObject({ verified: true });
  await expect(
    verifyPaymentReturn(target, { secret, expectedOrigin: "http://shop.example" }),
  ).rejects.toMatchObject({ field: "expectedOrigin", rule: "insecure_http" });
  await expect(
    verifyPaymentReturn(target, { secret, expectedOrigin: "shop.example" }),
  ).rejects.toMatchObject({ field: "expectedOrigin", rule: "relative" });
});

test("a target that is neither a path nor an absolute URL is never read against the origin", async () => {
  // Concatenated to the origin, "@evil.example/…" would make evil.example the host.
  expect(new URL(`${expectedOrigin}@evil.example${target}`).origin).toBe("https://evil.example");
  for (const forged of [
    `@evil.example${target}`,
    `evil.example${target}`,
    `.evil.example${target}`,
  ]) {
    expect(await verifyPaymentReturn(forged, { secret, expectedOrigin }), forged).toMatchObject({
      verified: false,
      reason: "malformed",
    });
  }
});

test("a backslash target stays a path on the expected origin", async () => {
  expect(
    await verifyPaymentReturn(`/\\evil.example${target}`, { secret, expectedOrigin }),
  ).toMatchObject({
    verified: false,
    reason: "bad_signature",
  });
});
