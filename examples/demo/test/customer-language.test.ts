// What the customer reads: no developer notes, readable method names, and an
// error's code said once (in a small detail line), never repeated.
import { PAYMENT_RESULT_STATUSES, type PaymentReturnStatus } from "@connect-payment/redirect";
import { LISTED_PAYMENT_METHODS, PAYMENT_CHANGE_METHODS } from "@connect-payment/client";
import { describe, expect, it } from "vitest";
import { PAYMENT_METHOD_NAMES } from "../src/invoice.js";
import { loginFailedPage } from "../src/login-pages.js";
import { apiErrorPage, returnPage, verificationFailedPage, type RecordView } from "../src/pages.js";
import { paymentMethodPage, paymentMethodReturnPage } from "../src/payment-method-pages.js";

const ALL_STATUSES: PaymentReturnStatus[] = [...PAYMENT_RESULT_STATUSES, "missing", "unrecognized"];
const RECORDS: RecordView[] = [
  ...(["paid", "partly_paid", "unpaid", "unknown", "not_found"] as const).map((state) => ({
    state,
    invoiceNumber: "1001",
  })),
  { state: "unknown_payment" },
];

/** Words that explain the integration to a developer, not the result to a customer. */
const DEVELOPER_NOTES =
  /signature|not proof|return link|the link says|grants nothing|isActive|HTTP status|verification/i;

/** The page's text as a customer reads it: markup and attribute values dropped. */
const visibleText = (html: string) =>
  (/<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html).replace(/<[^>]*>/g, " ");

const occurrences = (text: string, word: string) => text.split(word).length - 1;

describe("customer pages speak to the customer", () => {
  it.each(ALL_STATUSES)("the return page for %s carries no developer note", (status) => {
    for (const record of RECORDS) {
      const html = returnPage({
        status,
        transactionId: 42,
        invoiceNumber: "1001",
        canRetry: true,
        record,
        checkAgainUrl: "/return?x=1",
      });
      expect(visibleText(html)).not.toMatch(DEVELOPER_NOTES);
    }
  });

  it.each(ALL_STATUSES)("the change's return page for %s carries no developer note", (status) => {
    const html = paymentMethodReturnPage({ status, paymentChangeId: 42 });
    expect(visibleText(html)).not.toMatch(DEVELOPER_NOTES);
  });
});

describe("the payment-method page", () => {
  const [listed] = LISTED_PAYMENT_METHODS;
  const [changeTo] = PAYMENT_CHANGE_METHODS;

  it("names each method in words, never by its id", () => {
    const html = paymentMethodPage([{ paymentMethod: listed, isActive: "Y" }], [changeTo], "t");
    const text = visibleText(html);
    expect(text).toContain(PAYMENT_METHOD_NAMES[listed]);
    expect(text).toContain(PAYMENT_METHOD_NAMES[changeTo]);
    expect(text).not.toContain(listed);
    expect(text).not.toContain(changeTo);
  });

  it("does not offer to change to the method already active", () => {
    const html = paymentMethodPage([{ paymentMethod: changeTo, isActive: "Y" }], [changeTo], "t");
    expect(html).not.toContain(`data-testid="change-to-${changeTo}"`);
    expect(html).not.toContain('data-testid="change-form"');
    expect(html).toContain('data-testid="no-other-method"');
  });

  it("still offers a method that is listed but not active", () => {
    const html = paymentMethodPage([{ paymentMethod: changeTo, isActive: "N" }], [changeTo], "t");
    expect(html).toContain(`data-testid="change-to-${changeTo}"`);
  });
});

describe("error pages say the code once, in words first", () => {
  it.each(["payment_not_added", "rate_limited", "invalid_request", "unauthorized"] as const)(
    "%s",
    (code) => {
      const html = apiErrorPage({ code });
      const text = visibleText(html);
      expect(occurrences(text, code)).toBe(1);
      expect(html).toContain(`data-testid="api-error-code">${code}<`);
      expect(/data-testid="api-error">([^<]*)</.exec(html)?.[1]).toMatch(/^[A-Z][^_]+\.$/);
      expect(text).not.toMatch(DEVELOPER_NOTES);
    },
  );

  it("a refused return link: said once, in words", () => {
    const text = visibleText(verificationFailedPage("bad_signature"));
    expect(occurrences(text, "bad_signature")).toBe(1);
    // The code in its detail line is the one place a developer word may stand.
    expect(text.replace("bad_signature", "")).not.toMatch(DEVELOPER_NOTES);
  });
});

describe("the failed-login page says the code once, in words first", () => {
  it.each(["access_denied", "state_mismatch", "provider_error"])("%s", (code) => {
    const html = loginFailedPage(code);
    const text = visibleText(html);
    expect(occurrences(text, code)).toBe(1);
    expect(html).toContain(`data-testid="login-error">${code}<`);
    expect(text.replace(code, "")).not.toMatch(/_/);
  });
});
