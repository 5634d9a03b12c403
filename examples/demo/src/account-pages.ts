// The account page: what the logged-in customer owes, from the provider's
// list, and the form that pays the invoice they choose. Plain data in,
// escaped HTML out.
import { escapeHtml as e, layout } from "./html.js";
import { PAYMENT_METHOD_LABELS } from "./invoice.js";

/** One unpaid invoice as the page shows it. */
export interface InvoiceRow {
  invoiceNumber: string;
  /** What it is for, e.g. "Weekly Magazine". */
  description: string;
  /** Ready to show, e.g. "295.00" (the provider names no currency); "" when the amount could not be read. */
  amount: string;
  /** `YYYY-MM-DD`, when the record has one. */
  dueDate: string | undefined;
  /** A sandbox scenario this invoice triggers, named for the tester; undefined for a plain invoice. */
  scenario: string | undefined;
}

/** One reminder as the page shows it. */
export interface ReminderRow {
  invoiceNumber: string;
  amount: string;
  dueDate: string | undefined;
}

export interface AccountPageData {
  invoices: InvoiceRow[];
  reminders: ReminderRow[];
  paymentMethods: readonly string[];
  csrfToken: string;
}

export function accountPage(data: AccountPageData): string {
  const owed =
    data.invoices.length === 0
      ? `<p class="status" data-testid="no-invoices">You have no unpaid invoices.</p>`
      : payForm(data);
  return layout(
    "Your invoices",
    `<h1>Your invoices</h1>
${owed}
${reminderList(data.reminders)}
<p><a href="/payment-method" data-testid="payment-method-link">Change payment method</a></p>
<form method="post" action="/logout" data-testid="logout-form">
  <input type="hidden" name="csrfToken" value="${e(data.csrfToken)}">
  <button type="submit" data-testid="logout">Log out</button>
</form>`,
  );
}

function payForm(data: AccountPageData): string {
  const invoices = data.invoices
    .map(
      (invoice, index) =>
        `<label data-testid="invoice-row"><input type="radio" name="invoiceNumber" value="${e(invoice.invoiceNumber)}" data-testid="invoice-${e(invoice.invoiceNumber)}"${
          index === 0 ? " checked" : ""
        }> Invoice <span data-testid="invoice-number">${e(invoice.invoiceNumber)}</span> · ${e(invoice.description)}${
          invoice.amount ? ` · <span data-testid="invoice-amount">${e(invoice.amount)}</span>` : ""
        }${invoice.dueDate ? ` · due ${e(invoice.dueDate)}` : ""}${
          invoice.scenario ? ` <span class="note">(sandbox: ${e(invoice.scenario)})</span>` : ""
        }</label>`,
    )
    .join("\n");
  const methods = data.paymentMethods
    .map(
      (method, index) =>
        `<label><input type="radio" name="paymentMethod" value="${e(method)}" data-testid="method-${e(method)}"${
          index === 0 ? " checked" : ""
        }> ${e(PAYMENT_METHOD_LABELS[method as keyof typeof PAYMENT_METHOD_LABELS] ?? method)}</label>`,
    )
    .join("\n");
  return `<form method="post" action="/pay" data-testid="pay-form">
  <input type="hidden" name="csrfToken" value="${e(data.csrfToken)}">
  <fieldset><legend>Unpaid invoices</legend>
${invoices}
  </fieldset>
  <fieldset><legend>Pay with</legend>
${methods}
  </fieldset>
  <p><button type="submit" data-testid="pay">Pay invoice</button></p>
</form>`;
}

/**
 * Pay invoice takes an invoice, never a reminder, so a reminder is shown
 * for the customer to know about, without a button.
 */
function reminderList(reminders: ReminderRow[]): string {
  if (reminders.length === 0) return "";
  const items = reminders
    .map(
      (reminder) =>
        `<li data-testid="reminder-row">Reminder for invoice ${e(reminder.invoiceNumber)}${
          reminder.amount ? ` · ${e(reminder.amount)}` : ""
        }${reminder.dueDate ? ` · due ${e(reminder.dueDate)}` : ""}</li>`,
    )
    .join("\n");
  return `<h2>Reminders</h2>
<ul>
${items}
</ul>
<p class="note" data-testid="reminder-note">Reminder fees cannot be paid in this shop. Paying the
invoice here pays the invoice itself.</p>`;
}
