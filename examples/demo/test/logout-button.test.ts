// The README says the customer can log out (POST /logout, with the page's
// CSRF token): the account page, the logged-in customer's page, offers it.
import { expect, test } from "vitest";
import { accountPage } from "../src/account-pages.js";

test("the account page has a log-out button that posts the page's CSRF token", () => {
  const html = accountPage({
    invoices: [],
    reminders: [],
    paymentMethods: ["nexi"],
    csrfToken: "token-123",
  });
  const form = /<form method="post" action="\/logout"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  expect(form, "a form that posts to /logout").not.toBeNull();
  expect(form![1]).toContain('<input type="hidden" name="csrfToken" value="token-123">');
  expect(form![1]).toMatch(/<button type="submit"[^>]*>Log out<\/button>/);
});
