// POST /logout
import { forgetLogin, redirect, sessionOf } from "../../lib/session.js";

export function POST(request: Request): Response {
  const session = sessionOf(request);
  forgetLogin(session);
  return redirect("/", session);
}
