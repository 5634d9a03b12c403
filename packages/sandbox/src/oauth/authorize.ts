// GET {login}/oauth/authorize: the sign-in page; POST: the customer's choice.
// RFC 6749 section 4.1: with a bad client_id or redirect_uri, say so on a page
// and never redirect; any other problem goes back to the redirect_uri.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody, redirect } from "../http.js";
import { OAUTH_FACTS, type OAuthContext } from "./context.js";
import { redirectAllowed, SANDBOX_CUSTOMERS } from "./options.js";
import { loginProblemPage, signInPage } from "./pages.js";
import { sendPage, withParams } from "./respond.js";

export function handleAuthorizePage(
  url: URL,
  response: ServerResponse,
  { settings, grants, log }: OAuthContext,
): void {
  const query = url.searchParams;
  // A parameter sent twice is an error (RFC 6749 section 3.1).
  const one = (name: string) => (query.getAll(name).length > 1 ? null : query.get(name));
  const clientId = one("client_id");
  const client = clientId ? settings.clients.get(clientId) : undefined;
  if (!client) {
    return sendPage(
      response,
      400,
      loginProblemPage("Unknown client", "client_id is missing or unknown."),
    );
  }
  const redirectUri = one("redirect_uri");
  if (!redirectUri || !redirectAllowed(client, redirectUri)) {
    return sendPage(
      response,
      400,
      loginProblemPage(
        "Bad redirect_uri",
        "redirect_uri is missing or not registered for this client.",
      ),
    );
  }
  const state = one("state") ?? undefined;
  const back = (error: string, description: string) => {
    log(`authorize: ${error} (${description})`);
    redirect(response, withParams(redirectUri, { error, error_description: description, state }));
  };
  for (const name of [
    "response_type",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
  ]) {
    if (query.getAll(name).length > 1) return back("invalid_request", `${name} is repeated`);
  }
  if (query.get("response_type") !== "code") {
    return back("unsupported_response_type", "response_type must be code");
  }
  const scope = query.get("scope") ?? OAUTH_FACTS.scopes.join(" ");
  if (scope.split(" ").some((s) => !OAUTH_FACTS.scopes.includes(s)))
    return back("invalid_scope", `the scopes are ${OAUTH_FACTS.scopes.join(", ")}`);
  const challenge = query.get("code_challenge") ?? undefined;
  const method = query.get("code_challenge_method") ?? (challenge ? "plain" : undefined);
  if (method !== undefined && (method !== "S256" || !challenge)) {
    return back("invalid_request", "PKCE needs code_challenge with code_challenge_method S256");
  }
  if (challenge !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return back("invalid_request", "code_challenge must be a base64url SHA-256");
  }

  const requestId = grants.addSignIn({
    clientId: client.clientId,
    redirectUri,
    scope,
    state,
    codeChallenge: challenge,
  });
  sendPage(
    response,
    200,
    signInPage({
      action: url.pathname,
      requestId,
      clientId: client.clientId,
      scope,
      customers: SANDBOX_CUSTOMERS,
    }),
  );
}

export async function handleAuthorizeDecision(
  request: IncomingMessage,
  response: ServerResponse,
  { grants, log }: OAuthContext,
): Promise<void> {
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readBody(request, response));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return sendPage(response, 413, loginProblemPage("Too large", "The form is too large."));
  }
  const signIn = grants.takeSignIn(form.get("request") ?? "");
  if (!signIn) {
    return sendPage(
      response,
      400,
      loginProblemPage(
        "Sign-in expired",
        "This sign-in was already answered or is unknown; start again.",
      ),
    );
  }
  const { redirectUri, state } = signIn;
  if (form.get("decision") === "deny") {
    log(`authorize: the customer denied ${signIn.clientId}`);
    return redirect(
      response,
      withParams(redirectUri, {
        error: "access_denied",
        error_description: "The customer denied the request",
        state,
      }),
    );
  }
  const customer = SANDBOX_CUSTOMERS.find((c) => c.id === form.get("customer"));
  if (!customer) {
    return redirect(
      response,
      withParams(redirectUri, {
        error: "invalid_request",
        error_description: "unknown customer",
        state,
      }),
    );
  }
  const code = grants.addCode(signIn, customer.id);
  log(`authorize: ${customer.id} logged in to ${signIn.clientId}; code sent to the redirect_uri`);
  redirect(response, withParams(redirectUri, { code, state }));
}
