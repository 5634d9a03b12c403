// parsePaymentReturn never throws, whatever the browser (or an attacker) sends.
import fc from "fast-check";
import { expect, test } from "vitest";
import { parsePaymentReturn, PAYMENT_RESULT_STATUSES } from "../../src/index.js";

const allowed = new Set<string>([...PAYMENT_RESULT_STATUSES, "missing", "unrecognized"]);

function expectWellFormed(result: ReturnType<typeof parsePaymentReturn>) {
  expect(allowed.has(result.status)).toBe(true);
  if ("transactionId" in result) expect(Number.isSafeInteger(result.transactionId)).toBe(true);
}

// Strings that look like queries: many "&", "=", "%" and the real names.
const queryish = fc
  .array(
    fc.oneof(
      fc.constantFrom("paymentStatus", "cp_tx", "cp_sig", "=", "&", "?", "#", "%", "%2", "+"),
      fc.constantFrom(...PAYMENT_RESULT_STATUSES),
      fc.string({ unit: "binary" }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

test("never throws on any string", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: "binary" }), queryish), (text) => {
      expectWellFormed(parsePaymentReturn(text));
      expectWellFormed(parsePaymentReturn(`https://shop.example/return?${text}`));
    }),
    { numRuns: 500 },
  );
});

test("never throws on any URL, URLSearchParams or Request", () => {
  fc.assert(
    fc.property(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      queryish,
      (url, query) => {
        const href = `${url}${url.includes("?") ? "&" : "?"}${encodeURI(query.replace(/[\ud800-\udfff]/g, ""))}`;
        expectWellFormed(parsePaymentReturn(new URL(href)));
        expectWellFormed(parsePaymentReturn(new URLSearchParams(query)));
        expectWellFormed(parsePaymentReturn(new Request(href)));
      },
    ),
    { numRuns: 300 },
  );
});

test("a documented value comes back only when the parameter holds exactly it, once", () => {
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 3 }), (values) => {
      const query = new URLSearchParams(values.map((v) => ["paymentStatus", v]));
      const { status } = parsePaymentReturn(query);
      if (values.length === 0) expect(status).toBe("missing");
      else if (
        values.length === 1 &&
        (PAYMENT_RESULT_STATUSES as readonly string[]).includes(values[0]!)
      )
        expect(status).toBe(values[0]);
      else expect(status).toBe("unrecognized");
    }),
  );
});
