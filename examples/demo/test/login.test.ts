// The demo with "Log in with ConnectID": it opens on the login page, pays
// only with the logged-in customer's token, and a denied login stays out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { readForm, send, walkFlow } from "./walker/walk.mjs";
import { walkLogin } from "./walker/walk-login.mjs";

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.close());

describe("the demo with login", () => {
  it("opens on Log in with ConnectID (sandbox)", async () => {
    const html = await (await fetch(`${demo.merchantUrl}/`)).text();
    expect(html).toContain("Log in with ConnectID (sandbox)");
    expect(html).not.toContain('data-testid="invoice-number"');
  });

  it("logs in, pays with the customer's token, and reads the bound return", async () => {
    const lines: string[] = [];
    const { cookie } = await walkLogin({
      merchantUrl: demo.merchantUrl,
      log: (l) => lines.push(l),
    });
    expect(cookie).toMatch(/^demo_session=[\w-]{43}$/);
    expect(lines).toHaveLength(5);
    const result = await walkFlow({
      merchantUrl: demo.merchantUrl,
      outcome: "finished",
      cookie: cookie as string,
    });
    expect(result.status).toBe("finished");
    expect(demo.sandbox.transactions().find((t) => t.id === result.transactionId)?.outcome).toBe(
      "finished",
    );
  });

  it("logging in gives the session a new id: one planted before the login is worth nothing", async () => {
    const shop = { cookie: "" };
    const start = await send(`${demo.merchantUrl}/login`, undefined, shop);
    const before = shop.cookie;
    const page = await send(start.location);
    const form = readForm(page.body, "login-form");
    const decision = await send(new URL(form.action, start.location).href, {
      ...form.fields,
      customer: "ola",
    });
    const back = await send(decision.location, undefined, shop);
    expect(back.status).toBe(303);
    expect(shop.cookie).toMatch(/^demo_session=/);
    expect(shop.cookie).not.toBe(before);

    const withOld = await (
      await fetch(`${demo.merchantUrl}/`, { headers: { cookie: before } })
    ).text();
    expect(withOld).toContain("Log in with ConnectID (sandbox)");
    const withNew = await (
      await fetch(`${demo.merchantUrl}/`, { headers: { cookie: shop.cookie } })
    ).text();
    expect(withNew).toContain('data-testid="invoice-number"');
  });

  it("logging out needs the session's CSRF token", async () => {
    const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl });
    const page = await (
      await fetch(`${demo.merchantUrl}/`, { headers: { cookie: cookie! } })
    ).text();
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const logout = (form: Record<string, string>) =>
      fetch(`${demo.merchantUrl}/logout`, {
        method: "POST",
        headers: { cookie: cookie! },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
    const home = async () =>
      (await fetch(`${demo.merchantUrl}/`, { headers: { cookie: cookie! } })).text();

    expect((await logout({ csrfToken: "forged" })).status).toBe(303);
    expect(await home()).toContain('data-testid="invoice-number"');
    expect((await logout({ csrfToken })).status).toBe(303);
    expect(await home()).toContain("Log in with ConnectID (sandbox)");
  });

  it("a denied login shows access_denied and leaves the customer logged out", async () => {
    const { cookie, error } = await walkLogin({ merchantUrl: demo.merchantUrl, choice: "deny" });
    expect(error).toBe("access_denied");
    expect(cookie).toBeUndefined();
  });

  it("a denied login is said in words, and its code once", async () => {
    const { page } = await walkLogin({ merchantUrl: demo.merchantUrl, choice: "deny" });
    const text = (/<main>([\s\S]*)<\/main>/.exec(page ?? "")?.[1] ?? "").replace(/<[^>]*>/g, " ");
    expect(text.split("access_denied")).toHaveLength(2);
    expect(text).toContain("You chose not to log in");
  });

  it("paying without a login goes back to the login page; nothing reaches the API", async () => {
    const before = demo.sandbox.transactions().length;
    const response = await fetch(`${demo.merchantUrl}/pay`, {
      method: "POST",
      body: new URLSearchParams({ paymentMethod: "nexi" }),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(demo.sandbox.transactions().length).toBe(before);
  });

  it("a callback with no login started in that browser is refused", async () => {
    const response = await fetch(`${demo.merchantUrl}/login/callback?code=x&state=y`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("No login was started in this browser.");
  });
});
