// Turns whatever oauth4webapi or fetch threw into a ConnectIdError that holds
// no secret: only codes, the provider's error name and its redacted
// description. `network` only when no answer came back at all.
import * as oauth from "oauth4webapi";
import { ConnectIdError, redact } from "./errors.js";

export interface FailedRequest {
  /** Who answered, for the message: "The token endpoint", "The login server's metadata". */
  what: string;
  secrets: readonly (string | undefined)[];
  timedOut: boolean;
  /** The HTTP status of the answer, when one came back. */
  answered: number | undefined;
}

export async function fromLoginServer(
  error: unknown,
  request: FailedRequest,
): Promise<ConnectIdError> {
  const { what, secrets } = request;
  if (error instanceof ConnectIdError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const description = error.error_description && redact(error.error_description, secrets);
    const oauthError = redact(error.error, secrets);
    const code = oauthError === "invalid_grant" ? "invalid_grant" : "provider_error";
    return new ConnectIdError(
      code,
      `${what} answered ${error.status} ${oauthError}` + (description ? `: ${description}` : ""),
      { oauthError, description, status: error.status },
    );
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) return challenged(error, request);
  if (request.timedOut) return new ConnectIdError("timeout", `${what} did not answer in time`);
  if (request.answered !== undefined) {
    // The answer came but is not what the standard says (not JSON, no
    // access_token, a token_type other than Bearer, an ID token from another
    // issuer…). oauth4webapi's messages name the broken part, never a value.
    const why =
      error instanceof oauth.UnsupportedOperationError ||
      error instanceof oauth.OperationProcessingError ||
      error instanceof TypeError
        ? redact(error.message, secrets)
        : "unreadable";
    return new ConnectIdError(
      "provider_error",
      `${what} answered ${request.answered} but not as the standard says: ${why}`,
      { status: request.answered },
    );
  }
  // fetch rejects with a TypeError when the request never got a response.
  const reason = (error as { cause?: { code?: unknown } })?.cause?.code;
  return new ConnectIdError(
    "network",
    `${what} could not be reached` + (typeof reason == "string" ? ` (${reason})` : ""),
  );
}

/** A 401 with a challenge (e.g. `Basic realm=…`) may still carry the RFC 6749 body. */
async function challenged(
  error: oauth.WWWAuthenticateChallengeError,
  { what, secrets }: FailedRequest,
): Promise<ConnectIdError> {
  const body = await jsonOf(error.response);
  const saidError = stringOr(body?.error) ?? error.cause[0]?.parameters.error;
  const oauthError = saidError && redact(saidError, secrets);
  const said = stringOr(body?.error_description) ?? error.cause[0]?.parameters.error_description;
  const description = said && redact(said, secrets);
  return new ConnectIdError(
    oauthError === "invalid_grant" ? "invalid_grant" : "provider_error",
    `${what} answered ${error.status}` +
      (oauthError ? ` ${oauthError}` : " with a WWW-Authenticate challenge") +
      (description ? `: ${description}` : ""),
    { oauthError, description, status: error.status },
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
