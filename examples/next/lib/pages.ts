// The customer's pages, as small as a recipe allows. Every value is escaped.
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

export function homePage(loggedIn: boolean, invoiceNumber: string): string {
  if (!loggedIn) return page("Welcome", `<p><a href="/login">Log in with ConnectID</a></p>`);
  return page(
    "Your account",
    `<form method="post" action="/pay">
  <input type="hidden" name="invoiceNumber" value="${escapeHtml(invoiceNumber)}">
  <button name="paymentMethod" value="vippsEcommerce">Pay invoice ${escapeHtml(invoiceNumber)} with Vipps</button>
</form>
<p><a href="/payment-method">Payment method</a></p>
<form method="post" action="/logout"><button>Log out</button></form>`,
  );
}
