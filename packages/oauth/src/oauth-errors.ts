// Turns whatever oauth4webapi or fetch threw into a ConnectIdError that holds
// no secret: only codes, the provider's error name and its redacted description.
import * as oauth from "oauth4webapi";
import { ConnectIdError, redact } from "./errors.js";

export async function fromTokenEndpoint(
  error: unknown,
  secrets: readonly (string | undefined)[],
  timedOut: boolean,
): Promise<ConnectIdError> {
  if (error instanceof ConnectIdError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const description = error.error_description && redact(error.error_description, secrets);
    const oauthError = redact(error.error, secrets);
    const code = oauthError === "invalid_grant" ? "invalid_grant" : "provider_error";
    return new ConnectIdError(
      code,
      `The token endpoint answered ${error.status} ${oauthError}` +
        (description ? `: ${description}` : ""),
      { oauthError, description, status: error.status },
    );
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    // A 401 with a challenge (e.g. `Basic realm=…`) may still carry the RFC 6749 body.
    const body = await jsonOf(error.response);
    const saidError = stringOr(body?.error) ?? error.cause[0]?.parameters.error;
    const oauthError = saidError && redact(saidError, secrets);
    const said = stringOr(body?.error_description) ?? error.cause[0]?.parameters.error_description;
    const description = said && redact(said, secrets);
    return new ConnectIdError(
      "provider_error",
      `The token endpoint answered ${error.status}` +
        (oauthError ? ` ${oauthError}` : " with a WWW-Authenticate challenge") +
        (description ? `: ${description}` : ""),
      { oauthError, description, status: error.status },
    );
  }
  if (timedOut) return new ConnectIdError("timeout", "The token endpoint did not answer in time");
  if (error instanceof oauth.OperationProcessingError) {
    // The response was not a valid token response (not JSON, no access_token, wrong token_type…).
    // The library's message names the broken part, never a value.
    return new ConnectIdError(
      "provider_error",
      `The token endpoint sent no valid token response: ${error.message}`,
    );
  }
  // fetch rejects with a TypeError when the request never got a response.
  const reason = (error as { cause?: { code?: unknown } })?.cause?.code;
  return new ConnectIdError(
    "network",
    `The token endpoint could not be reached` + (typeof reason == "string" ? ` (${reason})` : ""),
  );
}

async function jsonOf(response: Response): Promise<Record<string, unknown> | undefined> {
  if (response.bodyUsed) return undefined;
  try {
    const body: unknown = JSON.parse((await response.text()).slice(0, 4096));
    return body && typeof body == "object" ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const stringOr = (value: unknown) => (typeof value == "string" && value ? value : undefined);
