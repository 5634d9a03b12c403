// GET /login/callback: check the callback, exchange the code, keep the tokens.
import { ConnectIdError } from "@connect-payment/oauth";
import { publicUrl, shop } from "../../../lib/config.js";
import { page } from "../../../lib/pages.js";
import { html, redirect, sessionOf } from "../../../lib/session.js";

export async function GET(request: Request): Promise<Response> {
  const session = sessionOf(request);
  const pending = session.pending;
  delete session.pending; // each login finishes once
  if (!pending) return html(page("Please log in again", `<p><a href="/login">Log in</a></p>`), 400);
  const { login } = shop();
  try {
    session.tokens = await login.finishLogin(publicUrl(request), pending);
  } catch (error) {
    if (!(error instanceof ConnectIdError)) throw error;
    const status = error.code === "access_denied" ? 403 : 400;
    return html(page("You are not logged in", `<p><a href="/login">Try again</a></p>`), status);
  }
  session.tokenSource = login.tokenSource({
    store: {
      get: () => session.tokens,
      set: (tokens) => {
        session.tokens = tokens;
      },
    },
  });
  return redirect("/", session);
}
