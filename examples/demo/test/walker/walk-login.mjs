// Walks "Log in with ConnectID" without a browser, as walk.mjs walks the
// payment: the merchant's login page, the sandbox's sign-in page, the choice,
// the callback. Gives the session cookie the rest of the walk sends.
import { expectStatus, readForm, send, testId, WalkError } from "./walk.mjs";

/**
 * @typedef {object} WalkLoginOptions
 * @property {string} merchantUrl
 * @property {string} [choice] A test customer of the sandbox ("kari", "ola", "sven"), or "deny". Default "kari".
 * @property {(line: string) => void} [log] Receives one line per step.
 */

/**
 * Logs in and returns the session cookie (`name=value`); with `choice: "deny"`
 * returns the error code the merchant shows instead, and its page.
 * @param {WalkLoginOptions} options
 * @returns {Promise<{ cookie?: string; error?: string; page?: string }>}
 */
export async function walkLogin(options) {
  const log = options.log ?? (() => {});
  const choice = options.choice ?? "kari";
  let step = 0;
  /** @param {string} line */
  const say = (line) => log(`  ${++step}. ${line}`);

  const home = await send(`${options.merchantUrl}/`);
  expectStatus(home, 200, "the merchant's first page");
  if (!home.body.includes('data-testid="login"'))
    throw new WalkError("The merchant shows no login link");
  say(`GET  ${home.url} → ${home.status}, "Log in with ConnectID (sandbox)"`);

  // The shop's session cookie, carried as a browser would (to the shop only).
  const shop = { cookie: "" };
  const start = await send(`${options.merchantUrl}/login`, undefined, shop);
  expectStatus(start, 303, "GET /login");
  if (!shop.cookie || !/HttpOnly/i.test(start.setCookie))
    throw new WalkError("GET /login set no HttpOnly session cookie");
  say(`GET  ${start.url} → ${start.status}, to the login server (session cookie, HttpOnly)`);

  const page = await send(start.location);
  expectStatus(page, 200, "the login server's sign-in page");
  say(`GET  ${shortUrl(start.location)} → ${page.status}, "${testId(page.body, "login-title")}"`);

  const form = readForm(page.body, "login-form");
  const picked = choice === "deny" ? { decision: "deny" } : { customer: choice };
  const decision = await send(new URL(form.action, start.location).href, {
    ...form.fields,
    ...picked,
  });
  expectStatus(decision, 303, `choosing "${choice}" on the sign-in page`);
  say(
    `POST ${decision.url} ${choice === "deny" ? "decision=deny" : `customer=${choice}`} → ${decision.status}, back to the merchant`,
  );

  // The shop gives the session a new id once the customer is logged in.
  const back = await send(decision.location, undefined, shop);
  if (choice === "deny") {
    expectStatus(back, 403, "the merchant's callback after a denial");
    const error = testId(back.body, "login-error");
    say(`GET  ${shortUrl(decision.location)} → ${back.status}, login refused: ${error}`);
    return { error, page: back.body };
  }
  expectStatus(back, 303, "the merchant's callback");
  say(
    `GET  ${shortUrl(decision.location)} → ${back.status}, logged in (the tokens stay on the merchant's server)`,
  );
  return { cookie: shop.cookie };
}

/**
 * Long URLs cut short; the authorization code and state never printed.
 * @param {string} url
 * @returns {string}
 */
function shortUrl(url) {
  const safe = url.replace(/([?&](?:code|state)=)[^&#]*/g, "$1…");
  return safe.length > 90 ? `${safe.slice(0, 87)}…` : safe;
}
