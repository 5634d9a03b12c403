// Fixed tampering cases: each was caught before only by unseeded property tests.
import { expect, test } from "vitest";
import { bindReturnUrl, verifyPaymentReturn } from "../../src/index.js";

const secret = "a-server-side-secret-of-32-bytes";
const bound = await bindReturnUrl("https://shop.example/return", { transactionId: 77, secret });
const signature = new URL(bound).searchParams.get("cp_sig")!;
const back = `${bound}&paymentStatus=finished`;

test("the honest return verifies", async () => {
  expect(await verifyPaymentReturn(back, { secret })).toMatchObject({ verified: true });
});

test.each([
  ["cut by one digit", signature.slice(0, -1)],
  ["cut to half", signature.slice(0, 32)],
  ["lengthened by one digit", `${signature}0`],
  ["lengthened by a whole copy", signature + signature],
  ["one digit changed", signature.slice(0, -1) + (signature.endsWith("0") ? "1" : "0")],
])("a signature %s is bad", async (_name, forged) => {
  const tampered = back.replace(signature, forged);
  expect(await verifyPaymentReturn(tampered, { secret })).toMatchObject({
    verified: false,
    reason: "bad_signature",
  });
});

test.each([
  "https://shop.example.evil.example",
  "https://evil.example",
  "https://shop.example:8443",
  "http://shop.example",
  "https://www.shop.example",
])("the same path and query on %s is bad", async (origin) => {
  const moved = back.replace("https://shop.example", origin);
  expect(await verifyPaymentReturn(moved, { secret })).toMatchObject({
    verified: false,
    reason: "bad_signature",
  });
});

test("the path is bound: another path, a trailing slash, another case", async () => {
  for (const path of ["/other", "/return/", "/Return", "/return/.."]) {
    const moved = back.replace("/return", path);
    expect(await verifyPaymentReturn(moved, { secret }), path).toMatchObject({ verified: false });
  }
});
