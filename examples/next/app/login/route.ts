// GET /login: send the browser to ConnectID, keep the state and PKCE verifier.
import { shop } from "../../lib/config.js";
import { redirect, sessionOf } from "../../lib/session.js";

export async function GET(request: Request): Promise<Response> {
  const session = sessionOf(request);
  const { url, pending } = await shop().login.startLogin();
  session.pending = pending;
  return redirect(url, session);
}
