// A customer of the demo shop in plain fetch: opens the account page (which
// sets the session cookie, lists the unpaid invoices and puts the CSRF token
// in the form) and posts /pay the way the page's form does.
export interface Customer {
  cookie: string;
  csrfToken: string;
  /** The invoice numbers the account page offers, as the provider listed them. */
  invoices: string[];
  /** Posts /pay; `invoiceNumber` defaults to the first listed invoice. */
  pay(form: Record<string, string>): Promise<Response>;
}

export async function newCustomer(merchantUrl: string): Promise<Customer> {
  const page = await fetch(`${merchantUrl}/`);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
  const html = await page.text();
  const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const invoices = [...html.matchAll(/name="invoiceNumber" value="([^"]+)"/g)].map(([, n]) => n!);
  return {
    cookie,
    csrfToken,
    invoices,
    pay: (form) =>
      fetch(`${merchantUrl}/pay`, {
        method: "POST",
        headers: { cookie },
        body: new URLSearchParams({ csrfToken, invoiceNumber: invoices[0] ?? "", ...form }),
        redirect: "manual",
      }),
  };
}
