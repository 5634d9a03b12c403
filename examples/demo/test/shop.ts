// A customer of the demo shop in plain fetch: opens the invoice page (which
// sets the session cookie and puts the CSRF token in the form) and posts /pay
// the way the page's form does.
export interface Customer {
  cookie: string;
  csrfToken: string;
  pay(form: Record<string, string>): Promise<Response>;
}

export async function newCustomer(merchantUrl: string): Promise<Customer> {
  const page = await fetch(`${merchantUrl}/`);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
  const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  return {
    cookie,
    csrfToken,
    pay: (form) =>
      fetch(`${merchantUrl}/pay`, {
        method: "POST",
        headers: { cookie },
        body: new URLSearchParams({ csrfToken, ...form }),
        redirect: "manual",
      }),
  };
}
