// A prototype polluted elsewhere in the app must not make any input verify.
import { afterEach, expect, test } from "vitest";
import { bindReturnUrl, parsePaymentReturn, verifyPaymentReturn } from "../../src/index.js";

const secret = "a-server-side-secret-of-32-bytes";
const polluted = [Object.prototype, String.prototype, URL.prototype] as Record<string, unknown>[];

afterEach(() => {
  for (const prototype of polluted) delete prototype.url;
});

test.each(polluted.map((prototype, index) => [["Object", "String", "URL"][index], prototype]))(
  "a polluted %s.prototype.url is never read",
  async (_name, prototype) => {
    const bound = await bindReturnUrl("https://shop.example/return", { transactionId: 9, secret });
    prototype!.url = `${bound}&paymentStatus=finished`;
    for (const input of [
      "https://shop.example/return",
      new URL("https://shop.example/return"),
      {},
    ]) {
      const result = await verifyPaymentReturn(input as string, { secret });
      expect(result).toMatchObject({ verified: false, status: "missing" });
      expect(parsePaymentReturn(input as string)).toEqual({ status: "missing" });
    }
  },
);

test("a Request and an object with its own url are read", async () => {
  const bound = await bindReturnUrl("https://shop.example/return", { transactionId: 9, secret });
  const back = `${bound}&paymentStatus=finished`;
  class NodeLikeRequest {
    constructor(readonly url: string) {}
  }
  for (const input of [new Request(back), { url: back }, new NodeLikeRequest(back)]) {
    expect(await verifyPaymentReturn(input as Request, { secret })).toMatchObject({
      verified: true,
    });
  }
});

test("an object whose url is inherited from a plain object is not read", async () => {
  const bound = await bindReturnUrl("https://shop.example/return", { transactionId: 9, secret });
  const inherited = Object.create({ url: `${bound}&paymentStatus=finished` }) as Request;
  expect(parsePaymentReturn(inherited)).toEqual({ status: "missing" });
});

test("a url that is not a string is not read, even one that turns into the bound URL", async () => {
  const bound = await bindReturnUrl("https://shop.example/return", { transactionId: 9, secret });
  const back = `${bound}&paymentStatus=finished`;
  for (const url of [new URL(back), { toString: () => back }, [back]]) {
    expect(parsePaymentReturn({ url } as unknown as Request)).toEqual({ status: "missing" });
    expect(await verifyPaymentReturn({ url } as unknown as Request, { secret })).toMatchObject({
      verified: false,
      reason: "missing_signature",
    });
  }
});
