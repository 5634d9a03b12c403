// @ts-check
// @connect-payment/redirect: every function, with the runtime's URL and WebCrypto.
import {
  LOGIN_SERVERS,
  PAY_PAGE_PATH,
  RedirectError,
  bindReturnUrl,
  buildInvoicePaymentUrl,
  parsePaymentReturn,
  verifyPaymentReturn,
} from "@connect-payment/redirect";
import { assert, equal, rejection } from "./support.mjs";

const SECRET = "a-secret-of-at-least-32-characters-0123";
const TRANSACTION_ID = 1001;
const RETURN_URL = "https://shop.example/return?order=7";

/** @type {import("./support.mjs").Suite} */
export default {
  "buildInvoicePaymentUrl: every value encoded once, bad input refused": () => {
    const url = new URL(
      buildInvoicePaymentUrl({
        loginServer: LOGIN_SERVERS.test,
        clientId: "no.mediaconnect.test",
        transactionId: TRANSACTION_ID,
        returnUrl: RETURN_URL,
        errorUrl: "https://shop.example/error",
      }),
    );
    equal(url.origin + url.pathname, `${LOGIN_SERVERS.test}${PAY_PAGE_PATH}`, "target");
    equal(url.searchParams.get("returnUrl"), RETURN_URL, "returnUrl");
    equal(url.searchParams.get("transactionId"), String(TRANSACTION_ID), "transactionId");
    let refused;
    try {
      buildInvoicePaymentUrl({
        loginServer: LOGIN_SERVERS.test,
        clientId: "no.mediaconnect.test",
        transactionId: TRANSACTION_ID,
        returnUrl: "javascript:alert(1)",
        errorUrl: "https://shop.example/error",
      });
    } catch (error) {
      refused = error;
    }
    assert(refused instanceof RedirectError, "a javascript: returnUrl was not refused");
    equal([refused.field, refused.rule], ["returnUrl", "scheme"], "refusal");
  },

  "parsePaymentReturn: status and transactionId from a return URL": () => {
    const back = `https://shop.example/return?cp_tx=${TRANSACTION_ID}&paymentStatus=cancelled`;
    equal(
      parsePaymentReturn(back),
      { status: "cancelled", transactionId: TRANSACTION_ID },
      "parsed",
    );
    equal(parsePaymentReturn("https://shop.example/return").status, "missing", "no status");
  },

  "bindReturnUrl and verifyPaymentReturn: a bound return verifies": async () => {
    const returnUrl = await bindReturnUrl(RETURN_URL, {
      transactionId: TRANSACTION_ID,
      secret: SECRET,
    });
    assert(/[?&]cp_sig=[0-9a-f]{64}$/.test(returnUrl), `no signature in ${returnUrl}`);
    const verified = await verifyPaymentReturn(`${returnUrl}&paymentStatus=finished`, {
      secret: SECRET,
    });
    assert(verified.verified, "the bound return did not verify");
    const { params, ...rest } = verified;
    equal(rest, { verified: true, status: "finished", transactionId: TRANSACTION_ID }, "verified");
    // Your own parameters as bound, without cp_tx.
    equal(params.get("order"), "7", "the bound order parameter");
    equal(params.has("cp_tx"), false, "cp_tx among the params");
    const error = await rejection(
      bindReturnUrl(RETURN_URL, { transactionId: TRANSACTION_ID, secret: "short" }),
    );
    assert(error instanceof RedirectError, "a short secret was not refused");
  },

  "verifyPaymentReturn: tampering, another secret and a missing signature are detected":
    async () => {
      const returnUrl = await bindReturnUrl(RETURN_URL, {
        transactionId: TRANSACTION_ID,
        secret: SECRET,
      });
      const back = `${returnUrl}&paymentStatus=finished`;
      const reasonOf = async (/** @type {string} */ url, secret = SECRET) => {
        const result = await verifyPaymentReturn(url, { secret });
        return result.verified ? "verified" : result.reason;
      };
      const tampered = back.replace(`cp_tx=${TRANSACTION_ID}`, `cp_tx=${TRANSACTION_ID + 1}`);
      equal(await reasonOf(tampered), "bad_signature", "another transactionId");
      equal(await reasonOf(back.replace("order=7", "order=8")), "bad_signature", "another order");
      equal(await reasonOf(back, `${SECRET}-other`), "bad_signature", "another secret");
      equal(await reasonOf(`${RETURN_URL}&paymentStatus=finished`), "missing_signature", "unbound");
      equal(await reasonOf(back), "verified", "the untouched URL");
    },
};
