// A failed refresh, passed through the lease to the token sources that waited
// on it: as text with the error's code and safe fields, and back as the same error.
import { ConnectIdError, type ConnectIdErrorCode } from "./errors.js";

/** The refresh's error as text for the lease: its code and safe fields, never a secret. */
export function failureText(error: unknown): string | undefined {
  if (!(error instanceof ConnectIdError)) return undefined;
  const { code, message, oauthError, description, status } = error;
  return JSON.stringify({ code, message, oauthError, description, status });
}

const CODES: readonly ConnectIdErrorCode[] = [
  "login_required",
  "invalid_grant",
  "provider_error",
  "network",
  "timeout",
  "store_unavailable",
];

/** The error another token source's refresh ended with, as the same `ConnectIdError`. */
export function errorFrom(text: string): ConnectIdError {
  let left: Record<string, unknown> = {};
  try {
    left = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // A store that mangled it: still an error, of the most general kind.
  }
  const code = CODES.find((known) => known === left.code) ?? "provider_error";
  const field = (key: string) => (typeof left[key] == "string" ? left[key] : undefined);
  return new ConnectIdError(
    code,
    field("message") ?? "The refresh failed in another token source",
    {
      oauthError: field("oauthError"),
      description: field("description"),
      status: typeof left.status == "number" ? left.status : undefined,
    },
  );
}
