// The back office's page: the payments started and not confirmed, the button
// that confirms them from the provider's record, and what the last run found.
// Plain data in, escaped HTML out.
import type { BackOfficeRun } from "./back-office.js";
import { escapeHtml as e, layout } from "./html.js";
import type { Grant, UnconfirmedPayment } from "./record.js";

export interface BackOfficePageData {
  unconfirmed: UnconfirmedPayment[];
  granted: Grant[];
  csrfToken: string;
  /** What the run just made found; undefined on a plain visit. */
  run?: BackOfficeRun;
}

const STATE_TEXT: Record<string, string> = {
  unpaid: "the record does not show it paid",
  partly_paid: "the record shows part of it paid",
  not_found: "the record has no such invoice for this customer",
  unknown: "the record's amounts could not be read",
};

export function backOfficePage(data: BackOfficePageData): string {
  return layout(
    "Back office",
    `<h1>Back office: payments not confirmed</h1>
<p class="status problem" data-testid="staff-only">For the shop's staff only. This demo answers this
page only on a loopback address (127.0.0.1); a real shop puts it behind its staff login.</p>
${data.run ? runResult(data.run) : ""}
<h2>Started, not confirmed</h2>
<p class="note">Payments started in this shop whose invoice was not confirmed paid, for example
because the customer closed the tab at the payment service. Confirming reads the provider's record
in client mode, with the shop's own token: no customer needs to be logged in.</p>
${unconfirmedList(data.unconfirmed)}
<form method="post" action="/back-office/confirm" data-testid="confirm-form">
  <input type="hidden" name="csrfToken" value="${e(data.csrfToken)}">
  <button type="submit" data-testid="confirm">${data.run ? "Check again" : "Confirm from the provider's record"}</button>
</form>
${grantedList(data.granted)}`,
  );
}

function unconfirmedList(list: UnconfirmedPayment[]): string {
  if (list.length === 0) {
    return `<p class="status" data-testid="none-unconfirmed">Every payment started here is confirmed.</p>`;
  }
  const rows = list
    .map(
      ({ transactionId, payment }) =>
        `<li data-testid="unconfirmed" data-invoice="${e(payment.invoiceNumber)}">Invoice ${e(payment.invoiceNumber)}
· customer ${e(payment.customerNumber)} · payment ${e(transactionId)} · started ${e(new Date(payment.startedAt).toISOString())}</li>`,
    )
    .join("\n");
  return `<ul>\n${rows}\n</ul>`;
}

function runResult(run: BackOfficeRun): string {
  const confirmed = run.confirmed
    .map(
      (grant) =>
        `<li data-testid="confirmed" data-invoice="${e(grant.invoiceNumber)}">Invoice ${e(grant.invoiceNumber)}: paid, granted now</li>`,
    )
    .concat(
      run.grantedBefore.map(
        (payment) =>
          `<li data-testid="granted-before" data-invoice="${e(payment.invoiceNumber)}">Invoice ${e(payment.invoiceNumber)}: paid, granted before</li>`,
      ),
    );
  const unpaid = run.unpaid.map(
    ({ payment, state }) =>
      `<li data-testid="unpaid" data-invoice="${e(payment.invoiceNumber)}" data-state="${e(state)}">Invoice ${e(payment.invoiceNumber)}: not confirmed, ${e(STATE_TEXT[state] ?? state)}</li>`,
  );
  const stopped = run.error
    ? `<p class="status problem" data-testid="run-error">The check stopped early (<code>${e(run.error)}</code>); check again to go on from where it stopped.</p>`
    : "";
  return `<section data-testid="run">
<h2>What the provider's record says</h2>
${stopped}
<p data-testid="run-summary">${run.confirmed.length} confirmed now, ${run.unpaid.length} still not paid.</p>
${confirmed.length ? `<ul>\n${confirmed.join("\n")}\n</ul>` : ""}
${unpaid.length ? `<ul>\n${unpaid.join("\n")}\n</ul>` : ""}
</section>`;
}

function grantedList(granted: Grant[]): string {
  if (granted.length === 0) return "";
  const rows = granted
    .map(
      (grant) =>
        `<li data-testid="granted" data-invoice="${e(grant.invoiceNumber)}" data-by="${e(grant.by)}">Invoice ${e(grant.invoiceNumber)} · payment ${e(grant.transactionId)} · confirmed by the ${e(grant.by)}</li>`,
    )
    .join("\n");
  return `<h2>Granted</h2>\n<ul>\n${rows}\n</ul>`;
}

/** A confirm that did not come from the back office's own form. */
export function backOfficeForbiddenPage(): string {
  return layout(
    "Not allowed",
    `<h1>This request was not sent from the back office's own page</h1>
<p class="status problem" data-testid="forbidden">Nothing was confirmed. Open the back office and try again.</p>
<p><a class="button" href="/back-office">Back office</a></p>`,
  );
}
