// The signature covers the raw query text, so queries that decode alike but
// are different URLs no longer share one signature.
import { expect, test } from "vitest";
import { bindReturnUrl, verifyPaymentReturn } from "../../src/index.js";

const secret = "a-server-side-secret-of-32-bytes";

test.each([
  ["%FF", "%FE", "x=%FF"],
  ["+", "%20", "q=a+b"],
  ["flag", "flag=", "flag&x=1"],
  ["%2F", "/", "next=a%2Fb"],
  ["%61", "a", "x=%61"],
])("%s and %s do not share a signature", async (from, to, query) => {
  const bound = await bindReturnUrl(`https://shop.example/return?${query}`, {
    transactionId: 5,
    secret,
  });
  const back = `${bound}&paymentStatus=finished`;
  expect(await verifyPaymentReturn(back, { secret })).toMatchObject({ verified: true });
  const changed = back.replace(from, to);
  expect(changed).not.toBe(back);
  expect(await verifyPaymentReturn(changed, { secret })).toMatchObject({
    verified: false,
    reason: "bad_signature",
  });
});

test("the bound parameters come back decoded, exactly as bound", async () => {
  const bound = await bindReturnUrl("https://shop.example/return?q=a+b&next=a%2Fb&flag", {
    transactionId: 5,
    secret,
  });
  const result = await verifyPaymentReturn(`${bound}&status=finished`, { secret });
  expect(result.verified && [...result.params]).toEqual([
    ["q", "a b"],
    ["next", "a/b"],
    ["flag", ""],
  ]);
});
