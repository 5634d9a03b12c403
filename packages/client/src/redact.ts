// Redaction applies to what an error carries, never to data handed back as
// an response: a token that legitimately appears in a 2xx response stays as sent.

const REDACTED = "[redacted]";

/**
 * A copy of a parsed JSON value with the token replaced in every string and
 * key. Parsed values are checked, so escapes such as `\/` or `\u0041` in the
 * response's text cannot hide an echo.
 */
export function redactValue(value: unknown, token: string): unknown {
  if (typeof value == "string") return value.replaceAll(token, REDACTED);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, token));
  if (value && typeof value == "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key.replaceAll(token, REDACTED),
        redactValue(item, token),
      ]),
    );
  }
  return value;
}

/** Text with the token replaced, as sent and as JSON would escape `/`. */
export const redactText = (text: string, token: string): string =>
  text.replaceAll(token, REDACTED).replaceAll(token.replaceAll("/", "\\/"), REDACTED);
