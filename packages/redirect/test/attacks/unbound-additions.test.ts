// The security review's first finding: parameters added after the signature are
// not bound. A merchant must never read a bound value from them.
import { describe, expect, test } from "vitest";
import { bindReturnUrl, verifyPaymentReturn } from "../../src/index.js";

const secret = "a-server-side-secret-of-32-bytes";
const transactionId = 4242;
const bind = () => bindReturnUrl("https://shop.example/return?order=7", { transactionId, secret });

describe("what follows the signature", () => {
  test.each([
    ["a bound name of the merchant's", "&order=999&paymentStatus=finished"],
    ["the transactionId", "&cp_tx=1&paymentStatus=finished"],
    ["a second signature", "&paymentStatus=finished&cp_sig=00"],
  ])("repeating %s makes the return malformed", async (_name, addition) => {
    expect(await verifyPaymentReturn(`${await bind()}${addition}`, { secret })).toEqual({
      verified: false,
      status: "finished",
      reason: "malformed",
    });
  });

  test("a transactionId moved after the signature makes the return malformed", async () => {
    const bound = await bind();
    const moved = bound.replace(/cp_tx=(\d+)&(cp_sig=\w+)/, "$2&cp_tx=$1");
    expect(moved).not.toBe(bound);
    expect(await verifyPaymentReturn(`${moved}&paymentStatus=finished`, { secret })).toMatchObject({
      verified: false,
      reason: "malformed",
    });
  });

  test("the verified return hands over the bound parameters, never what was added", async () => {
    const result = await verifyPaymentReturn(`${await bind()}&evil=1&paymentStatus=finished`, {
      secret,
    });
    expect(result.verified).toBe(true);
    if (!result.verified) return;
    expect([...result.params]).toEqual([["order", "7"]]);
    expect(result.params.has("evil")).toBe(false);
  });

  test("a status placed before the signature is part of the signed text: bad signature", async () => {
    const bound = new URL(await bind());
    const moved = `${bound.origin}${bound.pathname}?paymentStatus=finished&${bound.search.slice(1)}`;
    expect(await verifyPaymentReturn(moved, { secret })).toMatchObject({
      verified: false,
      reason: "bad_signature",
    });
  });
});
