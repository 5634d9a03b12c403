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

export function loginFailedPage(code: string, detail: string): string {
  const denied = code === "access_denied";
  return layout(
    denied ? "Login denied" : "Login failed",
    `<h1 data-testid="login-failed">${denied ? "You did not log in" : "The login did not work"}</h1>
<p class="status problem">${e(detail)} (<code data-testid="login-error">${e(code)}</code>)</p>
<p><a class="button" href="/login">Try again</a></p>`,
  );
}
