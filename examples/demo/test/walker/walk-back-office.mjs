// The shop's staff in the back office, without a browser: opens
// /back-office and presses its confirm button until the record shows the
// payment paid (the provider records it some time late), then once more.
// A test helper beside walk.mjs, used by `pnpm demo --reconcile`.
import { expectStatus, readForm, send, testId, WalkError } from "./walk.mjs";

/**
 * @typedef {object} BackOfficeWalk
 * @property {string[]} confirmed The invoices the run that confirmed the payment granted.
 * @property {string[]} unpaid The invoices that run left not paid, each as `invoice (state)`.
 * @property {number} checks How many times the button was pressed until then.
 * @property {string[]} confirmedAgain What a press after that granted: nothing, when each payment is granted once.
 */

/**
 * @param {{ merchantUrl: string; invoiceNumber: string; timeoutMs?: number; log?: (line: string) => void }} options
 * @returns {Promise<BackOfficeWalk>}
 */
export async function walkBackOffice(options) {
  const log = options.log ?? (() => {});
  const staff = { cookie: "" };
  const page = await send(`${options.merchantUrl}/back-office`, undefined, staff);
  expectStatus(page, 200, "the back office");
  const listed = dataInvoices(page.body, "unconfirmed");
  log(`  GET  /back-office → ${page.status}, not confirmed: ${listed.join(", ") || "none"}`);
  if (!listed.includes(options.invoiceNumber)) {
    throw new WalkError(`The back office does not list invoice ${options.invoiceNumber}`);
  }
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const press = async () => {
    const form = readForm(page.body, "confirm-form");
    const answer = await send(new URL(form.action, options.merchantUrl).href, form.fields, staff);
    expectStatus(answer, 200, "POST /back-office/confirm");
    return answer.body;
  };
  for (let checks = 1; ; checks++) {
    const body = await press();
    const confirmed = dataInvoices(body, "confirmed");
    const unpaid = [
      ...body.matchAll(/data-testid="unpaid" data-invoice="([^"]*)" data-state="([^"]*)"/g),
    ].map(([, invoice, state]) => `${invoice} (${state})`);
    const still = unpaid.length ? ` ${unpaid.join(", ")}` : "";
    log(`  POST /back-office/confirm → ${testId(body, "run-summary")}${still}`);
    if (confirmed.includes(options.invoiceNumber)) {
      const again = dataInvoices(await press(), "confirmed");
      log(`  POST /back-office/confirm again → ${again.length} confirmed`);
      return { confirmed, unpaid, checks, confirmedAgain: again };
    }
    if (Date.now() > deadline) {
      throw new WalkError(`The record still does not show invoice ${options.invoiceNumber} paid`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The `data-invoice` of each element with this test id, in page order.
 * @param {string} html
 * @param {string} id
 * @returns {string[]}
 */
function dataInvoices(html, id) {
  return [...html.matchAll(new RegExp(`data-testid="${id}" data-invoice="([^"]*)"`, "g"))].map(
    ([, invoice]) => /** @type {string} */ (invoice),
  );
}
