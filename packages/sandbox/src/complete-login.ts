// Completing a login without a browser: what the customer does on the
// sandbox's sign-in page (open it, click "Log in as …" or "Deny"), over HTTP,
// so a test can hand the resulting callback URL to the merchant's own route.
import { SandboxControlError } from "./control-error.js";
import { SANDBOX_CUSTOMERS } from "./oauth/index.js";

/** What the customer chooses on the sign-in page. */
export interface CompleteLoginOptions {
  /** A test customer's id (`SANDBOX_CUSTOMERS`); default `"kari"`. */
  customer?: string;
  /** `"deny"` clicks "Deny": the callback then carries `error=access_denied`. Default `"allow"`. */
  decision?: "allow" | "deny";
  /** For a test that routes requests its own way; default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/**
 * Completes a login without a browser: opens `authorizationUrl` (where your
 * login route sent the customer, e.g. the `url` of `startLogin()` of
 * `@connect-payment/oauth`) on the sandbox's login server and chooses as the
 * customer would. Resolves with the exact URL the browser is then sent to:
 * your `redirect_uri` with `code` and `state` (or `error` and `state`), to
 * hand to your own callback route. Rejects with `SandboxControlError` when the
 * URL is not a sign-in page of a sandbox, or the page refuses it.
 *
 * @example
 * ```ts
 * import type { ConnectIdLogin } from "@connect-payment/oauth";
 * import { completeLogin } from "@connect-payment/sandbox";
 *
 * declare const login: ConnectIdLogin; // configured with the sandbox's login server
 * const { url, pending } = await login.startLogin();
 * const callbackUrl = await completeLogin(url, { customer: "ola" });
 * const tokens = await login.finishLogin(callbackUrl, pending);
 * ```
 */
export async function completeLogin(
  authorizationUrl: string | URL,
  options: CompleteLoginOptions = {},
): Promise<string> {
  const { customer = SANDBOX_CUSTOMERS[0]!.id, decision = "allow" } = options;
  const send = options.fetch ?? globalThis.fetch;
  if (decision !== "allow" && decision !== "deny") {
    throw new SandboxControlError('decision must be "allow" or "deny"');
  }
  if (!SANDBOX_CUSTOMERS.some(({ id }) => id === customer)) {
    const known = SANDBOX_CUSTOMERS.map(({ id }) => id).join(", ");
    throw new SandboxControlError(`customer must be one of ${known}`);
  }
  const url = authorizeUrl(authorizationUrl);

  const page = await send(url, { redirect: "manual" });
  // A request the login server refuses for its client goes straight back
  // to the redirect_uri with an error: that is where the browser would go.
  const early = locationOf(page, url);
  if (early) return early;
  const html = await page.text();
  const form = signInForm(html);
  if (page.status !== 200 || !form) {
    throw new SandboxControlError(
      `authorizationUrl did not open a sign-in page (HTTP ${page.status}): ${problemOf(html)}`,
    );
  }

  const choice = decision === "deny" ? { decision: "deny" } : { customer };
  const answer = await send(new URL(form.action, url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request: form.requestId, ...choice }).toString(),
    redirect: "manual",
  });
  const callback = locationOf(answer, url);
  if (!callback) {
    throw new SandboxControlError(
      `the sign-in page did not send the customer back (HTTP ${answer.status}): ${problemOf(await answer.text())}`,
    );
  }
  return callback;
}

/** The URL, if it can be a sandbox's authorize page; nothing is sent otherwise. */
function authorizeUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SandboxControlError("authorizationUrl must be an absolute URL");
  }
  if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith("/oauth/authorize")) {
    throw new SandboxControlError(
      "authorizationUrl must be a login server's {loginServer}/oauth/authorize URL",
    );
  }
  return url;
}

function locationOf(response: Response, base: URL): string | undefined {
  const location = response.headers.get("location");
  if (response.status < 300 || response.status > 399 || !location) return undefined;
  return new URL(location, base).href;
}

/** The sandbox's own sign-in form: where it posts, and the id of this sign-in. */
function signInForm(html: string): { action: string; requestId: string } | undefined {
  const form = /<form method="post" action="([^"]*)" data-testid="login-form">/.exec(html);
  const request = /<input type="hidden" name="request" value="([^"]*)">/.exec(html);
  if (!form || !request) return undefined;
  return { action: unescapeHtml(form[1]!), requestId: unescapeHtml(request[1]!) };
}

function problemOf(html: string): string {
  const detail = /data-testid="problem">([^<]*)</.exec(html)?.[1];
  return detail ? unescapeHtml(detail) : "not the sandbox's sign-in page";
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
