// The README says the customer can log out (POST /logout, with the page's
// CSRF token): the invoice page, the logged-in customer's page, offers it.
import { expect, test } from "vitest";
import { invoicePage } from "../src/pages.js";

test("the invoice page has a log-out button that posts the page's CSRF token", () => {
  const html = invoicePage(["nexi"], "token-123");
  const form = /<form method="post" action="\/logout"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  expect(form, "a form that posts to /logout").not.toBeNull();
  expect(form![1]).toContain('<input type="hidden" name="csrfToken" value="token-123">');
  expect(form![1]).toMatch(/<button type="submit"[^>]*>Log out<\/button>/);
});
