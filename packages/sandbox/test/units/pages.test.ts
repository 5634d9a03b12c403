// The login server's two pages as HTML, read with a parser-free eye: each
// outcome's button (its value, label and test id), the primary button, the
// title, the ticket line, and the stylesheet the page security hashes.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import { changePage, payPage } from "../../src/pages.js";
import { PAGE_SECURITY_HEADERS, STYLE } from "../../src/page-security.js";
import type { PaymentChange, Transaction } from "../../src/transactions.js";

const payment: Transaction = {
  id: 41,
  request: { ...PAY_INVOICE_REQUEST },
  createdAt: new Date(0),
  nonce: "n-1",
} as Transaction;
const change = {
  id: 42,
  request: { productCode: "paper", paymentMethod: "vipps" },
  createdAt: new Date(0),
  nonce: "n-2",
} as Transaction<PaymentChange>;

const OUTCOMES: [string, string][] = [
  ["cancelled", "Cancel"],
  ["failed", "Fail"],
  ["unknown", "Unknown status"],
  ["initiated", "Initiated"],
  ["error", "Error (documented as never sent)"],
  ["system_error", "System error (to errorUrl)"],
];

describe("the pay page", () => {
  const html = payPage(payment, { action: "/pay", clientId: "shop", methodLabel: "Card" });

  it("names the invoice in its title and heading, and posts the transaction back", () => {
    expect(html).toContain(`<title>Pay invoice ${PAY_INVOICE_REQUEST.invoiceNumber}</title>`);
    expect(html).toContain('<input type="hidden" name="transactionId" value="41">');
    expect(html).toContain('<input type="hidden" name="nonce" value="n-1">');
  });

  it("offers every outcome, Pay as the primary one", () => {
    expect(html.match(/<button /g)).toHaveLength(7);
    for (const [outcome, label] of [["finished", "Pay"] as const, ...OUTCOMES]) {
      expect(html).toMatch(
        new RegExp(
          `value="${outcome}" data-testid="pay-${outcome}"[^>]*>${label.replace(/[()]/g, "\\$&")}<`,
        ),
      );
    }
    expect(html).toContain('data-testid="pay-finished" class="primary">Pay</button>');
    expect(html).toContain('data-testid="pay-cancelled">Cancel</button>');
  });
});

describe("the payment change page", () => {
  const html = changePage(change, { action: "/change", clientId: "shop", ticket: undefined });

  it("names the product, says no ticket is replaced, and posts the change back", () => {
    expect(html).toContain("<title>Change payment method for paper</title>");
    expect(html).toContain('<dd data-testid="change-ticket">none</dd>');
    expect(html).toContain('<input type="hidden" name="paymentChangeId" value="42">');
    const withTicket = changePage(change, { action: "/change", clientId: "shop", ticket: "T-9" });
    expect(withTicket).toContain('<dd data-testid="change-ticket">T-9</dd>');
  });

  it("offers every outcome, Change as the primary one", () => {
    expect(html.match(/<button /g)).toHaveLength(7);
    expect(html).toContain('data-testid="change-finished" class="primary">Change</button>');
    for (const [outcome, label] of OUTCOMES) {
      expect(html).toContain(
        `value="${outcome}" data-testid="change-${outcome}">${label}</button>`,
      );
    }
  });
});

describe("the pages' security headers", () => {
  it("allow the page's own stylesheet by its hash, and nothing else", () => {
    const hash = createHash("sha256").update(STYLE).digest("base64");
    expect(PAGE_SECURITY_HEADERS).toEqual({
      "content-security-policy": `default-src 'none'; style-src 'sha256-${hash}'; frame-ancestors 'none'; base-uri 'none'`,
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    // The stylesheet is the one the page carries, and it styles the primary button.
    expect(payPage(payment, { action: "/", clientId: "c", methodLabel: "m" })).toContain(
      `<style>${STYLE}</style>`,
    );
    expect(STYLE).toMatch(/button\.primary \{[^}]*background: #047857/);
  });
});
