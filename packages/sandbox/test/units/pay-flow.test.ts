// The pay link's rules and the way back, on their own: which links open a
// payment, why a later link is sent to the first one's errorUrl (each reason
// in words), and the result appended to the merchant's returnUrl byte for byte.
import { describe, expect, it } from "vitest";
import { appendQuery, decide, openPayment } from "../../src/pay-flow.js";
import { TransactionStore } from "../../src/transactions.js";

const LINK = {
  clientId: "shop",
  returnUrl: "https://shop.example/return",
  errorUrl: "https://shop.example/error",
};
const linkFor = (id: number | string, changes: Record<string, string> = {}) =>
  new URLSearchParams({ ...LINK, transactionId: String(id), ...changes });

function opened() {
  const store = new TransactionStore<object>(7);
  const transaction = store.create({});
  return { store, transaction, first: openPayment(linkFor(transaction.id), store) };
}

describe("opening a payment link", () => {
  it("opens a known transaction and fixes where it sends the customer", () => {
    const { transaction, first } = opened();
    expect(first).toMatchObject({ kind: "page", clientId: "shop" });
    expect(transaction.redirect).toEqual({
      clientId: "shop",
      returnUrl: "https://shop.example/return",
      errorUrl: "https://shop.example/error",
    });
  });

  it.each(["7x", "x7", "07", "", "12345678901234567"])("shows a page for the id %j", (id) => {
    const { store } = opened();
    expect(openPayment(linkFor(id), store)).toEqual({
      kind: "problem",
      status: 400,
      title: "Unknown payment",
      detail: `transactionId ${JSON.stringify(id)} is not a payment of this sandbox.`,
    });
  });

  it("names why a first link cannot be used", () => {
    const store = new TransactionStore<object>(7);
    const { id } = store.create({});
    expect(openPayment(linkFor(id, { errorUrl: "ftp://shop.example/" }), store)).toEqual({
      kind: "problem",
      status: 400,
      title: "Bad payment link",
      detail: "errorUrl is missing or not an absolute http(s) URL.",
    });
    expect(openPayment(linkFor(id, { clientId: "  " }), store)).toEqual({
      kind: "redirect",
      location: LINK.errorUrl,
      reason: "clientId is missing",
    });
    expect(openPayment(linkFor(id, { returnUrl: "/relative" }), store)).toEqual({
      kind: "redirect",
      location: LINK.errorUrl,
      reason: "returnUrl is missing or not an absolute http(s) URL",
    });
  });

  it("names a link without an id, and opens one with plain http addresses", () => {
    const store = new TransactionStore<object>(7);
    const { id } = store.create({});
    const noId = new URLSearchParams(LINK);
    expect(openPayment(noId, store)).toMatchObject({
      detail: 'transactionId "" is not a payment of this sandbox.',
    });
    const local = {
      returnUrl: "http://localhost:3000/return",
      errorUrl: "http://localhost:3000/error",
    };
    expect(openPayment(linkFor(id, local), store)).toMatchObject({ kind: "page" });
  });

  it("treats a link without a client id as missing one, first and later", () => {
    const store = new TransactionStore<object>(7);
    const { id } = store.create({});
    const withoutClient = linkFor(id);
    withoutClient.delete("clientId");
    expect(openPayment(withoutClient, store)).toMatchObject({ reason: "clientId is missing" });
    const { store: openStore, transaction } = opened();
    const later = linkFor(transaction.id);
    later.delete("clientId");
    expect(openPayment(later, openStore)).toMatchObject({
      reason: "clientId differs from the first link",
    });
  });

  it("takes a client id with spaces around it as the same client", () => {
    const { store, transaction } = opened();
    expect(openPayment(linkFor(transaction.id, { clientId: " shop " }), store)).toMatchObject({
      kind: "page",
    });
  });

  it.each([
    ["returnUrl", "https://shop.example/other", "returnUrl differs from the first link"],
    ["errorUrl", "https://shop.example/other", "errorUrl differs from the first link"],
    ["clientId", "other", "clientId differs from the first link"],
  ])("sends a later link whose %s differs to the first errorUrl", (name, value, reason) => {
    const { store, transaction } = opened();
    expect(openPayment(linkFor(transaction.id, { [name]: value }), store)).toEqual({
      kind: "redirect",
      location: LINK.errorUrl,
      reason,
    });
  });

  it("sends a decided payment's link to the first errorUrl, naming the outcome", () => {
    const { store, transaction } = opened();
    expect(decide(store, transaction, "cancelled", "paymentStatus")).toBe(
      "https://shop.example/return?paymentStatus=cancelled",
    );
    expect(openPayment(linkFor(transaction.id), store)).toEqual({
      kind: "redirect",
      location: LINK.errorUrl,
      reason: "the payment is already cancelled",
    });
  });

  it("refuses to decide a payment never opened", () => {
    const store = new TransactionStore<object>(7);
    const transaction = store.create({});
    expect(() => decide(store, transaction, "finished", "s")).toThrow(
      "transaction 7 was never opened",
    );
  });
});

describe("the result on the way back", () => {
  it.each([
    ["https://shop.example/r", "https://shop.example/r?s=finished"],
    ["https://shop.example/r?", "https://shop.example/r?s=finished"],
    ["https://shop.example/r?a=1", "https://shop.example/r?a=1&s=finished"],
    ["https://shop.example/r?a=1&", "https://shop.example/r?a=1&s=finished"],
    ["https://shop.example/r?&a=1", "https://shop.example/r?&a=1&s=finished"],
    ["https://shop.example/r&x?a=1", "https://shop.example/r&x?a=1&s=finished"],
    ["https://shop.example/r?a=1#top", "https://shop.example/r?a=1&s=finished#top"],
  ])("%s", (url, expected) => {
    expect(appendQuery(url, "s", "finished")).toBe(expected);
  });
});
