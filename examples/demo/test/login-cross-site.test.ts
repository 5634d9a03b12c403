// A cross-site GET (a link or an image on another site; SameSite=Lax sends the
// cookie with top-level navigations) must not log the customer out: /login
// keeps the pending login apart from the session's tokens, and only a callback
// whose state matches the pending login touches them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/index.js";
import { readForm, send } from "./walker/walk.mjs";
import { walkLogin } from "./walker/walk-login.mjs";

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.close());

const home = async (cookie: string) =>
  (await fetch(`${demo.merchantUrl}/`, { headers: { cookie } })).text();
const LOGGED_IN = 'data-testid="invoice-number"';

describe("cross-site GETs to the login routes", () => {
  it("GET /login keeps the customer logged in", async () => {
    const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl });
    const started = await send(`${demo.merchantUrl}/login`, undefined, { cookie: cookie! });
    expect(started.status).toBe(303);
    expect(await home(cookie!)).toContain(LOGGED_IN);
  });

  it("a forged callback is refused and keeps the customer logged in, pending login or not", async () => {
    const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl });
    const forged = `${demo.merchantUrl}/login/callback?code=x&state=y`;
    const first = await send(forged, undefined, { cookie: cookie! });
    expect(first.status).toBe(400);
    expect(await home(cookie!)).toContain(LOGGED_IN);

    await send(`${demo.merchantUrl}/login`, undefined, { cookie: cookie! });
    const second = await send(forged, undefined, { cookie: cookie! });
    expect(second.status).toBe(400);
    expect(await home(cookie!)).toContain(LOGGED_IN);
  });

  it("a forged callback leaves the pending login usable: the real callback then logs in", async () => {
    const shop = { cookie: "" };
    const start = await send(`${demo.merchantUrl}/login`, undefined, shop);
    const forged = await send(`${demo.merchantUrl}/login/callback?code=x&state=y`, undefined, shop);
    expect(forged.status).toBe(400);

    const page = await send(start.location);
    const form = readForm(page.body, "login-form");
    const decision = await send(new URL(form.action, start.location).href, {
      ...form.fields,
      customer: "ola",
    });
    const back = await send(decision.location, undefined, shop);
    expect(back.status).toBe(303);
    expect(await home(shop.cookie)).toContain(LOGGED_IN);
  });
});
