// Walks the whole payment flow without a browser: plain fetch, following each
// redirect by hand and "clicking" by submitting the forms the pages show.
// A test helper, not part of the demo a merchant copies: the demo's tests and
// `pnpm demo --walk` (scripts/demo.mjs) use it. Plain JavaScript, so that
// script runs it with Node alone; the types are JSDoc, checked by tsc.
import { PAYMENT_METHODS } from "@connect-payment/client";

/** @typedef {"finished" | "cancelled" | "failed"} WalkOutcome */

/**
 * @typedef {object} WalkOptions
 * @property {string} merchantUrl
 * @property {WalkOutcome} outcome
 * @property {import("@connect-payment/types").PaymentMethod} [paymentMethod]
 * @property {(line: string) => void} [log] Receives one line per step.
 * @property {string | undefined} [cookie] The session cookie from `walkLogin`, when the merchant asks for a login.
 * @property {string} [invoiceNumber] Which listed invoice to pay; default the first.
 * @property {boolean} [leaveBeforeReturn] Close the tab after the pay page: the way back to the shop is never opened.
 */

/**
 * @typedef {object} WalkResult
 * @property {string} status
 * @property {number} transactionId
 * @property {string} invoiceNumber The invoice paid, as the account page listed it.
 * @property {string} record What the return page's record part shows: `paid`, `unpaid`, … (`not_read` when the customer left before the return)
 * @property {string} returnUrl The URL the customer came back to (the bound return URL with the result).
 */

export class WalkError extends Error {
  name = "WalkError";
}

/**
 * @param {WalkOptions} options
 * @returns {Promise<WalkResult>}
 */
export async function walkFlow(options) {
  const log = options.log ?? (() => {});
  const method = options.paymentMethod ?? PAYMENT_METHODS[0];
  let step = 0;
  /** @param {string} line */
  const say = (line) => log(`  ${++step}. ${line}`);

  // The shop's session cookie, carried as a browser would (to the shop only).
  const shop = { cookie: options.cookie ?? "" };
  const account = await send(`${options.merchantUrl}/`, undefined, shop);
  expectStatus(account, 200, "the account page");
  // The customer's unpaid invoices, as the provider lists them: pay the one asked for, else the first.
  const listed = [...account.body.matchAll(/name="invoiceNumber" value="([^"]*)"/g)].map(
    ([, value]) => decodeEntities(/** @type {string} */ (value)),
  );
  const invoiceNumber = options.invoiceNumber ?? listed[0];
  if (!invoiceNumber || !listed.includes(invoiceNumber)) {
    throw new WalkError(
      `The account page lists ${listed.length ? listed.join(", ") : "no invoice"}; nothing to pay`,
    );
  }
  say(
    `GET  ${account.url} → ${account.status}, ${listed.length} unpaid invoice(s); paying ${invoiceNumber}`,
  );

  const invoiceForm = readForm(account.body, "pay-form");
  const pay = await send(
    `${options.merchantUrl}/pay`,
    { ...invoiceForm.fields, invoiceNumber, paymentMethod: method },
    shop,
  );
  expectStatus(pay, 303, "POST /pay (payInvoice)");
  const payPageUrl = pay.location;
  const transactionId = new URL(payPageUrl).searchParams.get("transactionId");
  say(`POST ${pay.url} paymentMethod=${method} → ${pay.status}, transactionId ${transactionId}`);

  const payPage = await send(payPageUrl);
  expectStatus(payPage, 200, "the login server's pay page");
  say(`GET  ${short(payPageUrl)} → ${payPage.status}, "${testId(payPage.body, "pay-title")}"`);

  const form = readForm(payPage.body, "pay-form");
  if (!payPage.body.includes(`data-testid="pay-${options.outcome}"`)) {
    throw new WalkError(`The pay page has no button for "${options.outcome}"`);
  }
  const decision = await send(new URL(form.action, payPageUrl).href, {
    ...form.fields,
    outcome: options.outcome,
  });
  expectStatus(decision, 303, `choosing "${options.outcome}" on the pay page`);
  if (options.leaveBeforeReturn) {
    say(`POST ${decision.url} outcome=${options.outcome} → ${decision.status}; the tab is closed`);
    return {
      status: options.outcome,
      transactionId: Number(transactionId),
      invoiceNumber,
      record: "not_read",
      returnUrl: decision.location,
    };
  }
  say(`POST ${decision.url} outcome=${options.outcome} → ${decision.status}, back to the merchant`);

  const back = await send(decision.location, undefined, shop);
  expectStatus(back, 200, "the merchant's return page");
  const status = testId(back.body, "result-status");
  const shownId = Number(testId(back.body, "result-transaction-id"));
  say(
    `GET  ${short(decision.location)} → ${back.status}, the bound return says: ${status}, transactionId ${shownId}`,
  );
  const record = recordState(back.body);
  say(`     the provider's record: ${record} ("${testId(back.body, "record-message")}")`);

  if (status !== options.outcome) {
    throw new WalkError(`The return page shows "${status}", expected "${options.outcome}"`);
  }
  if (String(shownId) !== transactionId) {
    throw new WalkError(`The return page shows transaction ${shownId}, expected ${transactionId}`);
  }
  return {
    status,
    transactionId: shownId,
    invoiceNumber,
    record,
    returnUrl: decision.location,
  };
}

/**
 * The return page's record part: `paid`, `unpaid`, … (`confirmInvoicePayment`'s
 * state), or `unknown_payment`.
 * @param {string} html
 * @returns {string}
 */
export function recordState(html) {
  const match = /data-testid="record-message" data-state="([^"]*)"/.exec(html);
  if (!match) throw new WalkError("The return page shows no record part");
  return /** @type {string} */ (match[1]);
}

/**
 * Presses "Check again" on the return page until the record shows the
 * invoice paid (the provider records a payment some time after the return),
 * at most `timeoutMs`. Resolves with the record's sentence.
 * @param {{ returnUrl: string; cookie?: string; timeoutMs?: number; log?: (line: string) => void }} options
 * @returns {Promise<{ message: string; checks: number }>}
 */
export async function walkConfirm(options) {
  const shop = { cookie: options.cookie ?? "" };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let url = options.returnUrl;
  for (let checks = 1; ; checks++) {
    const page = await send(url, undefined, shop);
    expectStatus(page, 200, "the return page");
    const state = recordState(page.body);
    const message = testId(page.body, "record-message");
    if (state === "paid") {
      options.log?.(`  ✔ check ${checks}: ${message}`);
      return { message, checks };
    }
    const checkAgain = /data-testid="check-again"/.test(page.body)
      ? decodeEntities(
          /** @type {string} */ (/href="([^"]*)" data-testid="check-again"/.exec(page.body)?.[1]),
        )
      : "";
    if (!checkAgain) throw new WalkError(`The record shows ${state}, with no way to check again`);
    if (Date.now() > deadline) throw new WalkError(`The record still shows ${state}`);
    options.log?.(`    check ${checks}: ${message} → Check again`);
    url = new URL(checkAgain, url).href;
  }
}

/**
 * @typedef {object} PageResponse
 * @property {string} url
 * @property {number} status
 * @property {string} location
 * @property {string} setCookie
 * @property {string} body
 */

/**
 * GET, or POST a form when `form` is given; never follows redirects.
 * @param {string} url
 * @param {Record<string, string>} [form]
 * @param {{ cookie: string }} [jar]
 * @returns {Promise<PageResponse>}
 */
export async function send(url, form, jar) {
  const response = await fetch(url, {
    redirect: "manual",
    ...(form ? { method: "POST", body: new URLSearchParams(form) } : {}),
    ...(jar?.cookie ? { headers: { cookie: jar.cookie } } : {}),
  });
  const setCookie = response.headers.get("set-cookie");
  if (jar && setCookie) jar.cookie = /** @type {string} */ (setCookie.split(";")[0]);
  return {
    url,
    status: response.status,
    location: response.headers.get("location") ?? "",
    setCookie: response.headers.get("set-cookie") ?? "",
    body: await response.text(),
  };
}

/**
 * @param {PageResponse} response
 * @param {number} status
 * @param {string} what
 * @returns {void}
 */
export function expectStatus(response, status, what) {
  if (response.status === status && (status !== 303 || response.location)) return;
  const shown = testId(response.body, "api-error", "") || testId(response.body, "problem", "");
  throw new WalkError(
    `${what} answered ${response.status}, expected ${status}${shown ? `: ${shown}` : ""}`,
  );
}

/**
 * The text of the element with this data-testid.
 * @param {string} html
 * @param {string} id
 * @param {string} [fallback]
 * @returns {string}
 */
export function testId(html, id, fallback) {
  const match = new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html);
  if (match) return decodeEntities(/** @type {string} */ (match[1]).trim());
  if (fallback !== undefined) return fallback;
  throw new WalkError(`The page has no element with data-testid="${id}"`);
}

/**
 * @param {string} html
 * @param {string} id
 * @returns {{ action: string; fields: Record<string, string> }}
 */
export function readForm(html, id) {
  const form = new RegExp(`<form[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  const action = form && /action="([^"]*)"/.exec(form[0]);
  if (!form || !action) throw new WalkError(`The page has no form "${id}"`);
  /** @type {Record<string, string>} */
  const fields = {};
  const inputs = /** @type {string} */ (form[1]).matchAll(
    /<input type="hidden" name="([^"]*)" value="([^"]*)"/g,
  );
  for (const [, name = "", value = ""] of inputs)
    fields[decodeEntities(name)] = decodeEntities(value);
  return { action: decodeEntities(/** @type {string} */ (action[1])), fields };
}

/**
 * @param {string} text
 * @returns {string}
 */
function decodeEntities(text) {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * Long redirect URLs, cut to their path and the start of the query.
 * @param {string} url
 * @returns {string}
 */
function short(url) {
  return url.length > 90 ? `${url.slice(0, 87)}…` : url;
}

/**
 * What a customer can do with a return URL: swap its result for
 * `&paymentStatus=finished` by hand. The binding still holds (it is the same transaction), so the
 * shop's page shows the claim; it must not say the payment was received.
 * Throws a WalkError when the page claims payment.
 * @param {{ returnUrl: string; cookie?: string; statusParam?: string; log?: (line: string) => void }} options
 * @returns {Promise<{ shownStatus: string; record: string }>}
 */
export async function walkForgery(options) {
  // The bound return URL as the shop made it (the real result taken off), then the edit.
  const name = options.statusParam ?? "paymentStatus";
  const bound = options.returnUrl.replace(new RegExp(`&${name}=[^&#]*`), "");
  const forged = `${bound}&${name}=finished`;
  const page = await send(forged, undefined, { cookie: options.cookie ?? "" });
  const shownStatus = testId(page.body, "result-status", "(refused)");
  const record = page.status === 200 ? recordState(page.body) : "(refused)";
  options.log?.(
    `  GET  ${short(forged)} → ${page.status}, the page shows: ${shownStatus}; the record: ${record}`,
  );
  if (/payment received|thank you|Paid:/i.test(page.body) || record === "paid") {
    throw new WalkError("The return page claims payment from a status anyone can edit");
  }
  return { shownStatus, record };
}
