// Shared steps of the login server tests: the sign-in page's form, answered by hand.
import type { Sandbox } from "../../src/index.js";

export const REDIRECT_URI = "http://127.0.0.1:8099/callback?shop=1";

export function authorizeUrl(sandbox: Sandbox, params: Record<string, string>): string {
  return `${sandbox.loginServer}/oauth/authorize?${new URLSearchParams(params)}`;
}

/** The sign-in request id from the page, or undefined. */
export function requestIdOf(html: string): string | undefined {
  return /name="request" value="([^"]+)"/.exec(html)?.[1];
}

/** Opens the sign-in page and answers it; returns the redirect's Location. */
export async function answerSignIn(
  sandbox: Sandbox,
  params: Record<string, string>,
  choice: Record<string, string> = { customer: "kari" },
): Promise<URL> {
  const page = await fetch(authorizeUrl(sandbox, params));
  const request = requestIdOf(await page.text());
  if (!request) throw new Error(`no sign-in form (status ${page.status})`);
  const answer = await fetch(`${sandbox.loginServer}/oauth/authorize`, {
    method: "POST",
    body: new URLSearchParams({ request, ...choice }),
    redirect: "manual",
  });
  if (answer.status !== 303) throw new Error(`the form answered ${answer.status}`);
  return new URL(answer.headers.get("location") as string);
}

export function tokenRequest(
  sandbox: Sandbox,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${sandbox.loginServer}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form),
  });
}

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
