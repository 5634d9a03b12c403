// The merchant's login pages. Each takes plain data and returns escaped HTML.
import { escapeHtml as e, layout } from "./html.js";

export function loginPage(): string {
  return layout(
    "Log in",
    `<h1>Welcome to Demo News</h1>
<p>Log in to see and pay your invoice.</p>
<p><a class="button" href="/login" data-testid="login">Log in with ConnectID (sandbox)</a></p>
<p class="note">The sandbox plays ConnectID: pick a test customer, or deny.
Your tokens stay on this server; your browser only keeps a session cookie.</p>`,
  );
}

/**
 * A login that did not work, in words; the code once, in a small detail line.
 * `detail` is a sentence of the shop's own; the login library's message is
 * written for developers and goes to the server log instead.
 */
export function loginFailedPage(code: string, detail?: string): string {
  const denied = code === "access_denied";
  return layout(
    denied ? "Login denied" : "Login failed",
    `<h1 data-testid="login-failed">${denied ? "You did not log in" : "The login did not work"}</h1>
<p class="status problem">${e(detail ?? loginFailedText(code))}</p>
<p><a class="button" href="/login">Try again</a></p>
<p class="note">Error code: <code data-testid="login-error">${e(code)}</code></p>`,
  );
}

function loginFailedText(code: string): string {
  if (code === "access_denied") return "You chose not to log in at ConnectID.";
  if (code === "network" || code === "timeout")
    return "We could not reach ConnectID. Please try again in a moment.";
  return "Something went wrong while logging you in. Please try again.";
}
