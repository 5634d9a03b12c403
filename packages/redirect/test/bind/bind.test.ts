import { describe, expect, test } from "vitest";
import {
  bindReturnUrl,
  MIN_SECRET_LENGTH,
  RedirectError,
  SIGNATURE_PARAM,
  TRANSACTION_ID_PARAM,
  verifyPaymentReturn,
  type VerifiedPaymentReturn,
} from "../../src/index.js";

const secret = "a-server-side-secret-of-32-chars";
const otherSecret = "another-merchant-secret-32-bytes";
const transactionId = 4242;

/** What ConnectID sends back: the return URL with the status appended. */
const withStatus = (url: string, status = "finished", param = "paymentStatus") =>
  `${url}${url.includes("?") ? "&" : "?"}${param}=${status}`;

/** The response with its params as entries: two URLSearchParams always look equal to toEqual. */
const plain = (result: VerifiedPaymentReturn) =>
  result.verified ? { ...result, params: [...result.params] } : result;

describe("bindReturnUrl", () => {
  test("appends the transactionId and a hex signature, keeping the merchant's query", async () => {
    const bound = await bindReturnUrl("https://shop.example/return?order=A%2F1&q=a+b", {
      transactionId,
      secret,
    });
    expect(bound).toMatch(
      /^https:\/\/shop\.example\/return\?order=A%2F1&q=a\+b&cp_tx=4242&cp_sig=[0-9a-f]{64}$/,
    );
    expect(TRANSACTION_ID_PARAM).toBe("cp_tx");
    expect(SIGNATURE_PARAM).toBe("cp_sig");
  });

  test("keeps a fragment after the query", async () => {
    const bound = await bindReturnUrl("https://shop.example/return#receipt", {
      transactionId,
      secret,
    });
    expect(bound).toMatch(
      /^https:\/\/shop\.example\/return\?cp_tx=4242&cp_sig=[0-9a-f]{64}#receipt$/,
    );
  });

  test("signs deterministically: the same input gives the same URL", async () => {
    const one = await bindReturnUrl("https://shop.example/return", { transactionId, secret });
    expect(
      await bindReturnUrl("https://shop.example/return", { transactionId: "4242", secret }),
    ).toBe(one);
  });

  test("applies the URL and transactionId rules", async () => {
    await expect(
      bindReturnUrl("javascript:alert(1)", { transactionId, secret }),
    ).rejects.toMatchObject({ field: "returnUrl", rule: "scheme" });
    await expect(
      bindReturnUrl("https://shop.example/", { transactionId: 0, secret }),
    ).rejects.toMatchObject({ field: "transactionId", rule: "positive" });
  });

  test.each(["cp_tx=1", "cp_sig=x", "paymentStatus=finished"])(
    "refuses a return URL that already has %s",
    async (query) => {
      await expect(
        bindReturnUrl(`https://shop.example/return?${query}`, { transactionId, secret }),
      ).rejects.toMatchObject({ field: "returnUrl", rule: "reserved_param" });
    },
  );

  test("refuses an empty or short secret without showing it", async () => {
    await expect(
      bindReturnUrl("https://shop.example/", { transactionId, secret: "" }),
    ).rejects.toMatchObject({
      field: "secret",
      rule: "required",
    });
    const short = "x".repeat(MIN_SECRET_LENGTH - 1);
    const error = await bindReturnUrl("https://shop.example/", {
      transactionId,
      secret: short,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ field: "secret", rule: "too_short" });
    expect((error as Error).message).not.toContain(short);
  });
});

describe("verifyPaymentReturn", () => {
  test("verifies what ConnectID sends back, from a URL string, URL or Request", async () => {
    const bound = await bindReturnUrl("https://shop.example/return?order=7", {
      transactionId,
      secret,
    });
    const href = withStatus(bound, "cancelled");
    for (const input of [href, new URL(href), new Request(href)]) {
      expect(plain(await verifyPaymentReturn(input, { secret }))).toEqual({
        verified: true,
        status: "cancelled",
        transactionId,
        params: [["order", "7"]],
      });
    }
  });

  test("verifies with a custom status parameter", async () => {
    const bound = await bindReturnUrl("https://shop.example/return", {
      transactionId,
      secret,
      param: "result",
    });
    expect(
      plain(
        await verifyPaymentReturn(withStatus(bound, "failed", "result"), {
          secret,
          param: "result",
        }),
      ),
    ).toEqual({ verified: true, status: "failed", transactionId, params: [] });
  });

  test("reports a missing signature", async () => {
    expect(
      await verifyPaymentReturn("https://shop.example/return?paymentStatus=finished", { secret }),
    ).toEqual({
      verified: false,
      status: "finished",
      reason: "missing_signature",
    });
  });

  test("reports a signature made with another secret (a foreign signature)", async () => {
    const bound = await bindReturnUrl("https://shop.example/return", {
      transactionId,
      secret: otherSecret,
    });
    expect(await verifyPaymentReturn(withStatus(bound), { secret })).toMatchObject({
      verified: false,
      reason: "bad_signature",
    });
  });

  test("reports a signature from another merchant page", async () => {
    const bound = new URL(
      await bindReturnUrl("https://shop.example/other-page", { transactionId, secret }),
    );
    const moved = `https://shop.example/return${bound.search}&paymentStatus=finished`;
    expect(await verifyPaymentReturn(moved, { secret })).toMatchObject({
      verified: false,
      reason: "bad_signature",
    });
  });

  test("reports a signature from another payment", async () => {
    const mine = new URL(
      await bindReturnUrl("https://shop.example/return", { transactionId, secret }),
    );
    const other = new URL(
      await bindReturnUrl("https://shop.example/return", { transactionId: 99, secret }),
    );
    mine.searchParams.set("cp_sig", other.searchParams.get("cp_sig")!);
    expect(await verifyPaymentReturn(withStatus(mine.href), { secret })).toMatchObject({
      verified: false,
      reason: "bad_signature",
    });
  });

  test.each(["", "0", "z".repeat(64), "a".repeat(63), "a".repeat(65)])(
    "reports a signature of %j as bad",
    async (signature) => {
      const url = new URL(
        await bindReturnUrl("https://shop.example/return", { transactionId, secret }),
      );
      url.searchParams.set("cp_sig", signature);
      expect(await verifyPaymentReturn(withStatus(url.href), { secret })).toMatchObject({
        verified: false,
        reason: "bad_signature",
      });
    },
  );

  test("a signature differing only in case is bad: it is compared exactly", async () => {
    const url = new URL(
      await bindReturnUrl("https://shop.example/return", { transactionId, secret }),
    );
    url.searchParams.set("cp_sig", url.searchParams.get("cp_sig")!.toUpperCase());
    expect(await verifyPaymentReturn(withStatus(url.href), { secret })).toMatchObject({
      reason: "bad_signature",
    });
  });

  test.each([
    [
      "the signature twice",
      (u: URL) => u.searchParams.append("cp_sig", u.searchParams.get("cp_sig")!),
    ],
    ["the transactionId twice", (u: URL) => u.searchParams.append("cp_tx", "4242")],
    ["no transactionId", (u: URL) => u.searchParams.delete("cp_tx")],
    ["a transactionId with a leading 0", (u: URL) => u.searchParams.set("cp_tx", "04242")],
  ])("reports %s as malformed", async (_name, change) => {
    const url = new URL(
      await bindReturnUrl("https://shop.example/return", { transactionId, secret }),
    );
    change(url);
    expect(await verifyPaymentReturn(withStatus(url.href), { secret })).toMatchObject({
      verified: false,
      reason: "malformed",
    });
  });

  test("cannot verify a bare query or a path: the origin and path are part of the binding", async () => {
    const bound = new URL(
      withStatus(await bindReturnUrl("https://shop.example/return", { transactionId, secret })),
    );
    expect(await verifyPaymentReturn(bound.searchParams, { secret })).toMatchObject({
      reason: "malformed",
    });
    expect(await verifyPaymentReturn(bound.pathname + bound.search, { secret })).toMatchObject({
      reason: "malformed",
    });
    // The fix for a Node `req.url`: put your public origin in front of it.
    expect(
      await verifyPaymentReturn(new URL(bound.pathname + bound.search, "https://shop.example"), {
        secret,
      }),
    ).toMatchObject({ verified: true });
  });

  test("a verified binding with a doubled status still reports the status as unrecognized", async () => {
    const bound = await bindReturnUrl("https://shop.example/return", { transactionId, secret });
    const polluted = withStatus(withStatus(bound, "failed"), "finished");
    expect(plain(await verifyPaymentReturn(polluted, { secret }))).toEqual({
      verified: true,
      status: "unrecognized",
      transactionId,
      params: [],
    });
  });

  test("refuses a bad secret option rather than answering unverified", async () => {
    await expect(
      verifyPaymentReturn("https://shop.example/", { secret: "" }),
    ).rejects.toBeInstanceOf(RedirectError);
  });
});
