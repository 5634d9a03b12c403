// What every route does with an error: an expired login goes back to /login,
// any other API failure is a plain page (details in the log only).
import { ConnectError } from "@connect-payment/client";
import { needsLogin } from "./config.js";
import { page } from "./pages.js";
import { forgetLogin, html, redirect, type Session } from "./session.js";

export async function answering(
  session: Session,
  route: () => Promise<Response>,
): Promise<Response> {
  try {
    return await route();
  } catch (error) {
    if (needsLogin(error)) {
      forgetLogin(session);
      return redirect("/login", session);
    }
    if (error instanceof ConnectError) {
      console.error(`Connect API: ${error.code}: ${error.message}`);
      return html(page("Something went wrong", "<p>Please try again later.</p>"), 502);
    }
    throw error;
  }
}
