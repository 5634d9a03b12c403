// POST /logout
import { forgetLogin, redirect, sessionOf } from "../../lib/session.js";
import { refuseCrossSite } from "../../lib/same-origin.js";

export function POST(request: Request): Response {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const session = sessionOf(request);
  forgetLogin(session);
  return redirect("/", session);
}
