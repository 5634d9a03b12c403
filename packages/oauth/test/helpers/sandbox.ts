// Drives the sandbox's sign-in page the way a browser would: plain fetch,
// redirects followed by hand, the form submitted with the customer's choice.
import { PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import {
  DEFAULT_OAUTH_CLIENT,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
} from "@connect-payment/sandbox";
import { createConnectIdLogin, type ConnectIdLoginOptions } from "../../src/index.js";

export const REDIRECT_URI = "http://127.0.0.1:8099/callback";

export async function sandboxWith(
  options: SandboxOptions["oauth"] = {},
  log?: (line: string) => void,
) {
  return startSandbox({
    oauth: { requireIssuedTokens: true, ...options },
    ...(log ? { log } : {}),
  });
}

export function loginFor(sandbox: Sandbox, options: Partial<ConnectIdLoginOptions> = {}) {
  return createConnectIdLogin({
    loginServer: sandbox.loginServer,
    clientId: DEFAULT_OAUTH_CLIENT.clientId,
    clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
    redirectUri: REDIRECT_URI,
    ...options,
  });
}

/** Opens the authorization URL, picks a customer (or denies), and returns the callback URL. */
export async function signIn(
  authorizationUrl: string,
  choice: { customer: string } | "deny" = { customer: "kari" },
): Promise<string> {
  const page = await fetch(authorizationUrl, { redirect: "manual" });
  if (page.status !== 200) throw new Error(`the sign-in page answered ${page.status}`);
  const html = await page.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!request || !action) throw new Error("the sign-in page has no form");
  const form = new URLSearchParams({ request });
  if (choice === "deny") form.set("decision", "deny");
  else form.set("customer", choice.customer);
  const answer = await fetch(new URL(action, authorizationUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 303 || !location)
    throw new Error(`the sign-in form answered ${answer.status}`);
  return location;
}

export const validInvoice = { ...PAY_INVOICE_REQUEST, paymentMethod: "vippsEcommerce" } as const;

/** A promise's rejection reason; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, got a value");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
