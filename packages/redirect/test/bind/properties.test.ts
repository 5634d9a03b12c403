// Property tests for the round trip: build, let ConnectID append a status, read it back.
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  bindReturnUrl,
  buildInvoicePaymentUrl,
  LOGIN_SERVERS,
  parsePaymentReturn,
  PAYMENT_RESULT_STATUSES,
  verifyPaymentReturn,
} from "../../src/index.js";

/** The result parameter's name is not documented: any of these must work with the defaults. */
const statusNames = ["paymentStatus", "status", "result"];
const secret = "property-test-secret-0123456789abc";
const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const returnUrls = fc
  .record({
    origin: fc.constantFrom(
      "https://shop.example",
      "https://shop.example:8443",
      "http://localhost:3000",
    ),
    path: fc.array(word, { maxLength: 3 }),
    query: fc.array(fc.tuple(word, fc.string({ maxLength: 8 })), { maxLength: 3 }),
    fragment: fc.option(word, { nil: undefined }),
  })
  .map(({ origin, path, query, fragment }) => {
    const search = query
      .filter(([name]) => !["cp_tx", "cp_sig", ...statusNames].includes(name))
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join("&");
    return `${origin}/${path.join("/")}${search ? `?${search}` : ""}${fragment ? `#${fragment}` : ""}`;
  });
const transactionIds = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const statuses = fc.constantFrom(...PAYMENT_RESULT_STATUSES);

/** What ConnectID does with the return URL: append the status to its query. */
function connectIdReturn(paymentUrl: string, status: string, name: string): string {
  const returnUrl = new URL(new URL(paymentUrl).searchParams.get("returnUrl")!);
  returnUrl.hash = ""; // a browser never sends the fragment to the server
  returnUrl.search += `${returnUrl.search ? "&" : "?"}${name}=${status}`;
  return returnUrl.href;
}

test("for any valid input, the return reads back the status and the bound transactionId", async () => {
  await fc.assert(
    fc.asyncProperty(
      returnUrls,
      transactionIds,
      statuses,
      fc.constantFrom(...statusNames),
      async (returnUrl, transactionId, status, name) => {
        const bound = await bindReturnUrl(returnUrl, { transactionId, secret });
        const paymentUrl = buildInvoicePaymentUrl({
          loginServer: LOGIN_SERVERS.test,
          clientId: "no.mediaconnect.test",
          transactionId,
          returnUrl: bound,
          errorUrl: "https://shop.example/error",
        });
        const back = connectIdReturn(paymentUrl, status, name);
        expect(parsePaymentReturn(back)).toEqual({ status, transactionId });
        const result = await verifyPaymentReturn(new Request(back), { secret });
        expect(result).toMatchObject({ verified: true, status, transactionId });
        // What the merchant bound comes back exactly, decoded.
        const sent = new URL(returnUrl).searchParams;
        expect(result.verified && [...result.params]).toEqual([...sent]);
      },
    ),
    { numRuns: 150 },
  );
});

test("any change to the bound part of a return URL fails verification", async () => {
  await fc.assert(
    fc.asyncProperty(
      returnUrls,
      transactionIds,
      fc.nat(),
      fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_&=/.".split("")),
      async (returnUrl, transactionId, position, replacement) => {
        const bound = (await bindReturnUrl(returnUrl, { transactionId, secret })).split("#")[0]!;
        const at = position % bound.length;
        fc.pre(bound[at] !== replacement);
        const changed = bound.slice(0, at) + replacement + bound.slice(at + 1);
        // Only changes that alter the URL count; "/./" and the like normalise away.
        fc.pre(URL.canParse(changed) && new URL(changed).href !== new URL(bound).href);
        const result = await verifyPaymentReturn(`${changed}&paymentStatus=finished`, { secret });
        expect(result.verified).toBe(false);
      },
    ),
    { numRuns: 300 },
  );
});
