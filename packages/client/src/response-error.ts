import { ConnectError, type ConnectErrorCode } from "./errors.js";
import { parseJson } from "./json.js";
import { redactText, redactValue } from "./redact.js";
import { parseRateLimitReset, serverWait, wholeNumber } from "./retry.js";

// How much of the provider's own words goes into a message or a field.
const MAX_PROVIDER_TEXT = 200;

/** A string field of the body, bounded, without control characters (no forged log lines). */
function providerText(body: unknown, field: string): string | undefined {
  const value = (body as Record<string, unknown> | null)?.[field];
  if (typeof value != "string") return undefined;
  const clean = value.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return clean.length > MAX_PROVIDER_TEXT ? `${clean.slice(0, MAX_PROVIDER_TEXT)}…` : clean;
}

/**
 * The error for a response: its status, its JSON (or a short excerpt), the
 * provider's error fields and rate-limit headers when present. The token is
 * redacted from everything the error keeps, before anything is kept.
 */
export function responseError(
  code: ConnectErrorCode,
  response: Response,
  text: string,
  token: string,
): ConnectError {
  const { status, headers } = response;
  const parsed = parseJson(text);
  const body =
    parsed === undefined ? redactText(text, token).slice(0, 200) : redactValue(parsed, token);
  const object = parsed !== null && typeof parsed == "object" ? body : undefined;
  const exceptionType = providerText(object, "exceptionType");
  const errorMessage = providerText(object, "errorMessage");
  const oauthError = providerText(object, "error");
  const oauthErrorDescription = providerText(object, "error_description");
  const said = [exceptionType, errorMessage, oauthError, oauthErrorDescription]
    .filter(Boolean)
    .join(": ");

  return new ConnectError(
    code,
    `The API answered HTTP ${status} (${code})${said ? `: ${said.slice(0, MAX_PROVIDER_TEXT)}` : ""}`,
    {
      status,
      body,
      exceptionType,
      errorMessage,
      oauthError,
      oauthErrorDescription,
      rateLimitRemaining: wholeNumber(headers.get("x-ratelimit-remaining")),
      rateLimitResetMs: parseRateLimitReset(headers.get("x-ratelimit-reset")),
      retryAfterMs: serverWait(response),
    },
  );
}
